import Testing
@testable import MediathequeKit

/// What a followed search has new on a day: documents added and events updated in its
/// window that it matches (events only with coming sessions); nothing for a search that
/// is off, not followed, not due, or has nothing new.
struct AlertFinderTests {
    static let monday = Day(iso: "2026-12-07")!
    static let tar = Library(code: "TAR", name: "Tarentaize")
    static let car = Library(code: "CAR", name: "Carnot")

    static func document(_ id: Int64, _ title: String, genre: String = "Cuisine", added: String) -> Document {
        Document(id: id, title: title, kind: "Livre", genre: genre, addedOn: Day(iso: added)!)
    }

    static func session(_ id: String, _ start: String, _ library: Library = tar) -> Session {
        let start = LocalDateTime(iso: start)!
        return Session(id: id, library: library, start: start, end: LocalDateTime(localSeconds: start.localSeconds + 3600), registration: .none)
    }

    static func event(_ id: String, updated: String, category: String = "Rencontre", _ sessions: [Session]) -> Event {
        Event(id: id, updated: LocalDateTime(iso: updated)!, title: "Événement \(id)", categories: [category], sessions: sessions)
    }

    static func search(_ id: Int64, _ scope: SavedSearch.Scope, query: String = "", _ frequency: SavedSearch.Frequency,
                       facets: [String: [String]], followed: Bool = true, active: Bool = true) -> SavedSearch {
        SavedSearch(id: id, name: "Recherche \(id)", scope: scope, query: query, createdOn: Day(iso: "2025-01-01")!,
                    followed: followed, frequency: frequency, active: active, facets: facets)
    }

    static func finder(today: Day = monday) -> AlertFinder {
        let documents = NewDocuments([
            (document(1, "Soupes du monde", added: "2026-12-06"), ["TAR"]),
            (document(2, "Tajines", added: "2026-12-06"), ["CAR"]),
            (document(3, "Desserts", added: "2026-12-02"), ["TAR"]),
            (document(4, "Manga", genre: "Manga", added: "2026-12-06"), ["TAR"]),
            (document(5, "Vieux livre de cuisine", added: "2026-11-29"), ["TAR"]),
            (document(6, "Potages", added: "2026-11-15"), ["TAR"]),
        ])
        let events = [
            event("coming", updated: "2026-12-06T08:00", [session("s1", "2026-12-20T18:00"), session("s2", "2026-12-27T18:00", car)]),
            event("over", updated: "2026-12-06T09:00", [session("s1", "2026-12-04T18:00")]),
            event("older", updated: "2026-12-01T09:00", [session("s1", "2026-12-21T18:00")]),
            event("stale", updated: "2026-11-10T09:00", [session("s1", "2026-12-22T18:00")]),
            event("other", updated: "2026-12-06T10:00", category: "Conférence", [session("s1", "2026-12-19T18:00")]),
        ]
        let content = SiteContent(config: SiteConfiguration(), feed: AgendaFeed(timeZone: "Europe/Paris", generated: LocalDateTime(day: today), events: events),
                                  libraries: ["TAR": tar, "CAR": car], confirmed: [:], patronCount: 0, today: today)
        return AlertFinder(content: content, documents: documents)
    }

    func titles(_ section: AlertSection?) -> [String] {
        (section?.items ?? []).map {
            switch $0 {
            case .document(let d): d.title
            case .event(let e, let sessions): "\(e.id):\(sessions.map(\.id).joined(separator: ","))"
            }
        }
    }

    @Test func dailyCatalogueSearchListsYesterdaysDocumentsNewestFirst() {
        let section = Self.finder().section(for: Self.search(1, .catalogue, .daily, facets: ["genre": ["Cuisine"]]))
        #expect(titles(section) == ["Tajines", "Soupes du monde"])
        #expect(section?.window == AlertWindow(first: Day(iso: "2026-12-06")!, last: Day(iso: "2026-12-06")!))
    }

    @Test func weeklySearchListsTheWeekAndMatchesLikeTheFeeds() {
        let finder = Self.finder()
        #expect(titles(finder.section(for: Self.search(1, .catalogue, .weekly, facets: ["genre": ["Cuisine"]])))
                == ["Tajines", "Soupes du monde", "Desserts"])
        #expect(titles(finder.section(for: Self.search(2, .catalogue, .weekly, facets: ["genre": ["cuisine"], "library": ["CAR"]]))) == ["Tajines"])
        #expect(titles(finder.section(for: Self.search(3, .catalogue, query: "SOUPE", .weekly, facets: [:]))) == ["Soupes du monde"])
    }

    @Test func monthlySearchListsThePreviousMonthOnThe1st() {
        let finder = Self.finder(today: Day(iso: "2026-12-01")!)
        #expect(titles(finder.section(for: Self.search(1, .catalogue, .monthly, facets: ["genre": ["Cuisine"]]))) == ["Vieux livre de cuisine", "Potages"])
        #expect(finder.section(for: Self.search(2, .catalogue, .weekly, facets: ["genre": ["Cuisine"]])) == nil, "the 1st is a Tuesday")
    }

    @Test func agendaSearchListsEventsChangedInTheWindowWithComingSessions() {
        let finder = Self.finder()
        #expect(titles(finder.section(for: Self.search(1, .agenda, .daily, facets: ["category": ["Rencontre"]]))) == ["coming:s1,s2"])
        #expect(titles(finder.section(for: Self.search(2, .agenda, .weekly, facets: ["category": ["Rencontre"]]))) == ["coming:s1,s2", "older:s1"])
        #expect(titles(finder.section(for: Self.search(3, .agenda, .daily, facets: ["category": ["Rencontre"], "library": ["CAR"]]))) == ["coming:s2"])
        #expect(titles(finder.section(for: Self.search(4, .agenda, .daily, facets: [:]))) == ["other:s1", "coming:s1,s2"], "in session order")
    }

    @Test func offUnfollowedNotDueOrNothingNewGetsNoSection() {
        let finder = Self.finder(today: Day(iso: "2026-12-09")!)
        let cuisine = ["genre": ["Cuisine"]]
        #expect(Self.finder().section(for: Self.search(1, .catalogue, .daily, facets: cuisine, active: false)) == nil)
        #expect(Self.finder().section(for: Self.search(1, .catalogue, .daily, facets: cuisine, followed: false)) == nil)
        #expect(finder.section(for: Self.search(1, .catalogue, .weekly, facets: cuisine)) == nil, "a Wednesday")
        #expect(finder.section(for: Self.search(1, .catalogue, .daily, facets: cuisine)) == nil, "nothing added on the 8th")
        let patron = Patron(cardNumber: "24200001234567", pseudo: "A", firstName: "A", lastName: "B", membershipExpires: Self.monday)
        #expect(finder.alert(for: patron, searches: [Self.search(1, .catalogue, .daily, facets: cuisine)]) == nil)
        #expect(Self.finder().alert(for: patron, searches: [Self.search(1, .catalogue, .daily, facets: cuisine),
                                                             Self.search(2, .catalogue, .daily, facets: ["genre": ["BD"]])])?.sections.count == 1)
    }
}
