/// What `public/` holds, as data: the coming sessions and their groupings (by
/// day, month, library, category), the slugs that name the folders, and the path
/// of every file.
///
/// Planned from the feed, the libraries and the confirmed counts only: nothing
/// here comes from a patron row. Every list is sorted, so the same content gives
/// the same plan whatever the order of dictionaries.
///
/// The HTML pages are rendered from ``pages``; the calendars and the RSS feed use
/// the same groupings and paths:
///
/// ```swift
/// let plan = PublicPlan(content: content)
/// for listing in plan.libraries {
///     let path = plan.calendarPath(library: listing.library.code)   // "agenda/lieux/tar.ics"
///     let sessions = listing.sessions                               // ComingSession, in start order
/// }
/// ```
public struct PublicPlan: Sendable {
    /// Coming sessions of one day, in start order.
    public struct DayGroup: Sendable {
        public var day: Day
        public var sessions: [ComingSession]
    }

    /// Coming sessions listed under one month (`agenda/mois/<yyyy-mm>/`).
    public struct Month: Sendable {
        public var year: Int
        public var month: Int
        /// `2025-03`.
        public var slug: String
        public var sessions: [ComingSession]
    }

    /// One library of the network and its coming sessions (`agenda/lieux/<slug>/`).
    public struct LibraryListing: Sendable {
        public var library: Library
        public var slug: String
        public var sessions: [ComingSession]
    }

    /// One category of the feed and its coming sessions (`agenda/categories/<slug>/`).
    public struct CategoryListing: Sendable {
        public var name: String
        public var slug: String
        public var sessions: [ComingSession]
    }

    /// Every coming session (not yet ended, cancelled ones included), in start order.
    public let coming: [ComingSession]
    /// The home page's "À la une": the first coming sessions that are neither cancelled nor postponed.
    public let featured: [ComingSession]
    /// Months with coming sessions, in order.
    public let months: [Month]
    /// Every library of the network (and any other a session names), by name.
    public let libraries: [LibraryListing]
    /// Every category of the feed (past events included, so slugs stay stable), by slug.
    public let categories: [CategoryListing]
    /// Every event of the feed, by id: each gets a page, past ones included.
    public let events: [Event]
    /// Library code → folder name under `agenda/lieux/`.
    public let librarySlugs: [String: String]
    /// Category → folder name under `agenda/categories/`.
    public let categorySlugs: [String: String]
    /// Event id → folder name under `agenda/` (the id itself, unless it is unsafe or taken).
    public let eventFolders: [String: String]

    /// Whether the site has its search page (``SiteContent/hasSearch``).
    public let hasSearch: Bool

    /// Names under `agenda/` that an event's folder may not take.
    public static let reservedEventFolders: Set<String> = ["index.html", "mois", "lieux", "categories"]

    public init(content: SiteContent) {
        let today = content.today
        hasSearch = content.hasSearch
        let coming = content.comingSessions.map { event, session in
            ComingSession(event: event, session: session, day: max(session.start.day, today))
        }
        self.coming = coming
        featured = Array(coming.filter { $0.session.status == .scheduled }.prefix(content.config.featuredCount))

        var monthKeys: [Int] = []
        var byMonth: [Int: [ComingSession]] = [:]
        for item in coming {
            let key = item.day.year * 12 + item.day.month - 1
            if byMonth[key] == nil { monthKeys.append(key) }
            byMonth[key, default: []].append(item)
        }
        months = monthKeys.sorted().map { key in
            let year = key / 12, month = key % 12 + 1
            return Month(year: year, month: month, slug: "\(Day.pad(year, 4))-\(Day.pad(month, 2))", sessions: byMonth[key]!)
        }

        var libraryByCode = content.libraries
        for event in content.feed.events {
            for session in event.sessions where libraryByCode[session.library.code] == nil {
                libraryByCode[session.library.code] = session.library
            }
        }
        let librarySlugs = Slugger.assign(libraryByCode.keys, fallback: "lieu")
        self.librarySlugs = librarySlugs
        libraries = libraryByCode.values
            .map { library in
                LibraryListing(library: library, slug: librarySlugs[library.code]!,
                               sessions: coming.filter { $0.session.library.code == library.code })
            }
            .sorted { a, b in
                let (x, y) = (Slugger.slug(a.library.name, fallback: ""), Slugger.slug(b.library.name, fallback: ""))
                return x != y ? x < y : a.slug < b.slug
            }

        let categoryNames = Set(content.feed.events.flatMap(\.categories))
        let categorySlugs = Slugger.assign(categoryNames, fallback: "categorie")
        self.categorySlugs = categorySlugs
        categories = categorySlugs.sorted { $0.value < $1.value }.map { name, slug in
            CategoryListing(name: name, slug: slug, sessions: coming.filter { $0.event.categories.contains(name) })
        }

        var seen: Set<String> = []
        events = content.feed.events
            .filter { seen.insert($0.id).inserted }
            .sorted { $0.id.unicodeScalars.map(\.value).lexicographicallyPrecedes($1.id.unicodeScalars.map(\.value)) }
        eventFolders = content.eventFolders
    }

    /// The folder of each event: its id when that is a safe, free name; otherwise a slug,
    /// made unique (ignoring case, for file systems that do) with `-2`, `-3`...
    static func eventFolders(for ids: [String]) -> [String: String] {
        var taken = Set(reservedEventFolders)
        var folders: [String: String] = [:]
        for id in ids {
            let safe = !id.isEmpty && !id.hasPrefix(".") && id.utf8.count <= 64
                && id.unicodeScalars.allSatisfy(BundlePath.allows)
            let base = safe ? id : Slugger.slug(id, fallback: "evenement")
            var folder = base
            var n = 2
            while taken.contains(folder.lowercased()) {
                folder = "\(base)-\(n)"
                n += 1
            }
            taken.insert(folder.lowercased())
            folders[id] = folder
        }
        return folders
    }

    /// Groups sessions by the day they are listed under, each day in start order.
    public static func days(_ sessions: [ComingSession]) -> [DayGroup] {
        var groups: [DayGroup] = []
        for item in sessions.sorted(by: ComingSession.precedes) {
            if groups.last?.day == item.day { groups[groups.count - 1].sessions.append(item) }
            else { groups.append(DayGroup(day: item.day, sessions: [item])) }
        }
        return groups
    }

    // MARK: - Paths, relative to public/

    public static let homePath = "index.html"
    public static let agendaPath = "agenda/index.html"
    public static let notFoundPath = "404.html"
    /// The accessibility statement (déclaration d'accessibilité), linked from every page's footer.
    public static let accessibilityPath = "accessibilite/index.html"
    /// The search page, over Pagefind's index (`pagefind/`), when the site has one.
    public static let searchPath = "recherche/index.html"
    public static let robotsPath = "robots.txt"
    public static let sitemapPath = "sitemap.xml"
    /// Every coming session, one VEVENT each.
    public static let calendarPath = "agenda.ics"
    /// RSS 2.0 of the programme.
    public static let feedPath = "agenda.rss"

    public func eventPath(_ eventID: String) -> String {
        "agenda/\(eventFolders[eventID] ?? Slugger.slug(eventID, fallback: "evenement"))/index.html"
    }

    /// A coming session's own calendar (« Ajouter à mon agenda »), next to its event's page
    /// and named as its row of the sessions table: `agenda/bebes-lecteurs/seance-s-tre.ics`.
    public func sessionCalendarPath(_ event: Event, _ session: Session) -> String {
        String(eventPath(event.id).dropLast("index.html".count)) + EventPageView.anchor(for: session, in: event) + ".ics"
    }

    /// Whether a session gets its own calendar: coming (not ended at `now`) and not cancelled.
    public static func hasOwnCalendar(_ session: Session, now: LocalDateTime) -> Bool {
        session.end > now && session.status != .cancelled
    }

    public static func monthPath(_ month: Month) -> String { "agenda/mois/\(month.slug)/index.html" }

    public func libraryPath(_ code: String) -> String { "agenda/lieux/\(librarySlug(code))/index.html" }
    public func calendarPath(library code: String) -> String { "agenda/lieux/\(librarySlug(code)).ics" }
    public func categoryPath(_ name: String) -> String { "agenda/categories/\(categorySlug(name))/index.html" }
    public func calendarPath(category name: String) -> String { "agenda/categories/\(categorySlug(name)).ics" }

    private func librarySlug(_ code: String) -> String { librarySlugs[code] ?? Slugger.slug(code, fallback: "lieu") }
    private func categorySlug(_ name: String) -> String { categorySlugs[name] ?? Slugger.slug(name, fallback: "categorie") }

    /// Every HTML page, in path order.
    public var pages: [PublicPage] {
        var pages: [PublicPage] = [
            PublicPage(path: Self.homePath, kind: .home),
            PublicPage(path: Self.agendaPath, kind: .agenda),
            PublicPage(path: Self.notFoundPath, kind: .notFound),
            PublicPage(path: Self.accessibilityPath, kind: .accessibility),
        ]
        if hasSearch { pages.append(PublicPage(path: Self.searchPath, kind: .search)) }
        pages += months.map { PublicPage(path: Self.monthPath($0), kind: .month($0)) }
        pages += libraries.map { PublicPage(path: libraryPath($0.library.code), kind: .library($0)) }
        pages += categories.map { PublicPage(path: categoryPath($0.name), kind: .category($0)) }
        pages += events.map { PublicPage(path: eventPath($0.id), kind: .event($0)) }
        return pages.sorted { $0.path < $1.path }
    }
}

/// A coming session with its event, and the day the listings put it under.
public struct ComingSession: Sendable {
    public var event: Event
    public var session: Session
    /// Its start day, or today for a session already under way.
    public var day: Day

    /// Listing order: day, start, event id, session id.
    public static func precedes(_ a: ComingSession, _ b: ComingSession) -> Bool {
        if a.day != b.day { return a.day < b.day }
        if a.session.start != b.session.start { return a.session.start < b.session.start }
        if a.event.id != b.event.id { return a.event.id < b.event.id }
        return a.session.id < b.session.id
    }
}

/// One HTML page of `public/`: where it goes and what it shows.
public struct PublicPage: Sendable {
    public enum Kind: Sendable {
        case home, agenda, notFound, accessibility, search
        case month(PublicPlan.Month)
        case library(PublicPlan.LibraryListing)
        case category(PublicPlan.CategoryListing)
        case event(Event)
    }

    /// Relative to `public/`: `agenda/mois/2025-03/index.html`.
    public var path: String
    public var kind: Kind

    /// Folders between `public/` and the page: the number of `../` back to the root.
    public var depth: Int { path.split(separator: "/").count - 1 }
}
