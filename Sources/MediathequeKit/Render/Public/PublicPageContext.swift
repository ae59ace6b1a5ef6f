import Foundation

/// Everything a public page's view is built from: the content, the plan, and
/// where the page stands, so that every link can be written relative to it.
///
/// Pages link with relative URLs (`../../index.html`), computed from the page's
/// depth, so the bundle works from any folder and from `file://`. The 404 page is
/// the exception: a server sends it for any missing path, so its links start
/// from the base URL's path (`/`).
struct PublicPageContext {
    let content: SiteContent
    let plan: PublicPlan
    /// Where the page goes, relative to `public/`.
    let path: String
    /// What goes before a path relative to `public/`: `""`, `"../"`, `"/"`...
    let root: String

    init(content: SiteContent, plan: PublicPlan, page: PublicPage) {
        self.content = content
        self.plan = plan
        path = page.path
        if case .notFound = page.kind {
            root = Self.basePath(of: content.config.baseURL)
        } else {
            root = String(repeating: "../", count: page.depth)
        }
    }

    /// The page's absolute URL, a folder's `index.html` left out.
    var pageURL: String { Self.absoluteURL(path, baseURL: content.config.baseURL) }

    /// The absolute URL of a page of `public/`, a folder's `index.html` left out.
    static func absoluteURL(_ path: String, baseURL: String) -> String {
        baseURL + (path == "index.html" || path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : path)
    }

    /// The sharing tags of this page: `image` (an event's) or else the site's ``SiteConfiguration/shareImage``.
    func sharing(title: String, description: String?, image: Event.Image? = nil) -> SharingView {
        let config = content.config
        let own = image.flatMap { image in HTMLText.httpURL(image.href).map { (url: $0, alt: image.alt) } }
        let site = config.shareImageURL.map { (url: $0, alt: config.networkName) }
        return SharingView(title: title, url: pageURL, image: own ?? site,
                           description: description ?? Wording.Agenda.homeDescription, siteName: config.networkName)
    }

    /// The feed's zone, for the offsets of the structured data.
    var zone: TimeZone { TimeZone(identifier: content.feed.timeZone) ?? TimeZone(identifier: "Europe/Paris")! }

    /// The link from this page to `target` (relative to `public/`, may carry a `#fragment`).
    func href(_ target: String) -> String { root + target }

    /// An absolute URL from the feed (an event's image), relative to this page when it points
    /// into the published site: the bundle then shows it from any folder, as it shows its pages.
    func local(_ url: String) -> String {
        let base = content.config.baseURL
        return url.hasPrefix(base) && url.count > base.count ? href(String(url.dropFirst(base.count))) : url
    }

    /// The layout's view: title (isolated: it may come from the feed, and the network's name
    /// follows it), stylesheet root, date, the statement's link and the breadcrumb.
    func pageView(title: String, breadcrumb: Breadcrumb? = nil) -> PageView {
        PageView(networkName: HTMLText.clean(content.config.networkName), title: Text.isolated(HTMLText.clean(title)),
                 root: root, isPrivate: false, today: content.today.french, accessibility: content.config.accessibility,
                 accessibilityHref: href(PublicPlan.accessibilityPath), breadcrumb: breadcrumb)
    }

    /// "Accueil › `current`", or "Accueil › Agenda › `current`" for a page of the agenda.
    func breadcrumb(_ current: String, inAgenda: Bool) -> Breadcrumb {
        var above = [(label: Wording.Agenda.home, href: href(PublicPlan.homePath))]
        if inAgenda { above.append((label: Wording.Agenda.agenda, href: href(PublicPlan.agendaPath))) }
        return Breadcrumb(above, current: current)
    }

    var siteLinks: SiteLinksView {
        SiteLinksView(home: href(PublicPlan.homePath), agenda: href(PublicPlan.agendaPath),
                      feed: href(PublicPlan.feedPath), search: plan.hasSearch ? href(PublicPlan.searchPath) : nil)
    }

    /// The `webcal://` form of a file's absolute URL, for calendar apps to subscribe to.
    func webcal(_ target: String) -> String {
        var base = content.config.baseURL
        for scheme in ["https://", "http://"] where base.lowercased().hasPrefix(scheme) {
            base = "webcal://" + base.dropFirst(scheme.count)
        }
        return base + target
    }

    /// The calendar and feed links of a listing.
    func subscribe(calendar: String, scope: String) -> SubscribeView {
        SubscribeView(scope: HTMLText.clean(scope), webcal: webcal(calendar), calendarFile: href(calendar),
                      feed: href(PublicPlan.feedPath))
    }

    /// The path part of the base URL, ending in `/`: `https://example.org/agenda/` → `/agenda/`.
    static func basePath(of baseURL: String) -> String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        var path = String(rest[slash...])
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<cut]) }
        return path.hasSuffix("/") ? path : path + "/"
    }

    // MARK: - Pieces shared by several pages

    /// The months, libraries and categories lists, `current` (a path) marked as the page shown.
    func browse(current: String?) -> BrowseView {
        func link(_ target: String, _ label: String, _ count: Int) -> LinkView {
            LinkView(href: href(target), label: HTMLText.clean(label), count: count, current: target == current)
        }
        let months = plan.months.map { link(PublicPlan.monthPath($0), FrenchDate.month(year: $0.year, month: $0.month), $0.sessions.count) }
        let libraries = plan.libraries.map { link(plan.libraryPath($0.library.code), $0.library.name, $0.sessions.count) }
        let categories = plan.categories.map { link(plan.categoryPath($0.name), $0.name, $0.sessions.count) }
        return BrowseView(all: link(PublicPlan.agendaPath, "Toutes les animations", plan.coming.count),
                          months: months, libraries: libraries, categories: categories,
                          hasMonths: !months.isEmpty, hasLibraries: !libraries.isEmpty, hasCategories: !categories.isEmpty)
    }

    /// One coming session as a listing shows it; `withDay` adds the day (lists not grouped by day).
    func summary(_ item: ComingSession, withDay: Bool) -> SessionSummaryView {
        let event = item.event, session = item.session
        let status = content.status(of: session, in: event)
        return SessionSummaryView(
            title: HTMLText.clean(event.title),
            notice: status.notice,
            href: href(plan.eventPath(event.id)) + "#" + EventPageView.anchor(for: session, in: event),
            summary: HTMLText.optional(event.summary),
            dayLabel: withDay ? FrenchDate.heading(item.day) : nil,
            startISO: "\(session.start.day.iso)T\(session.start.frenchTime)",
            timeLabel: Self.timeLabel(session, listedOn: item.day),
            library: HTMLText.clean(session.library.name),
            libraryHref: href(plan.libraryPath(session.library.code)),
            categories: HTMLText.optional(event.categories.joined(separator: ", ")),
            audience: HTMLText.optional(event.audience),
            status: status.label,
            statusCode: status.code,
            places: RegistrationStatus.placesLabel(content.placesRemaining(of: session, in: event)))
    }

    /// "19:00 – 20:30"; "de 10:00 au 13 avril à 18:00" over several days; "depuis le 27 mars
    /// à 10:00, jusqu'au 13 avril à 18:00" for a session under way before the day it is listed on.
    static func timeLabel(_ session: Session, listedOn day: Day) -> String {
        let start = session.start, end = session.end
        func date(_ d: Day) -> String { d.year == day.year ? FrenchDate.short(d) : "\(FrenchDate.short(d)) \(d.year)" }
        if start.day < day {
            return "depuis le \(date(start.day)) à \(start.frenchTime), jusqu'au \(date(end.day)) à \(end.frenchTime)"
        }
        if start.day == end.day { return "\(start.frenchTime) – \(end.frenchTime)" }
        return "de \(start.frenchTime) au \(date(end.day)) à \(end.frenchTime)"
    }
}
