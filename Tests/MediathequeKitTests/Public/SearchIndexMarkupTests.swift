import Testing
@testable import MediathequeKit

/// The markup the search index (Pagefind) reads: event pages with coming sessions are
/// indexed, with their filters, a date sort key and the next session; nothing else is.
struct SearchIndexMarkupTests {
    typealias S = PublicTestSupport

    @Test func onlyEventsWithComingSessionsAreIndexedWithTheirFiltersAndDate() throws {
        let tar = S.libraries["TAR"]!, car = S.libraries["CAR"]!
        func session(_ id: String, _ library: Library, _ start: String) -> Session {
            Session(id: id, library: library, start: S.at(start), end: LocalDateTime(localSeconds: S.at(start).localSeconds + 3600),
                    registration: .none)
        }
        let coming = Event(id: "bebes", updated: S.at("2025-03-01T10:00"), title: "Bébés lecteurs", categories: ["Jeunesse", "Lecture"],
                           audience: "0-3 ans", sessions: [session("passe", tar, "2025-03-20T10:00"), session("mai", car, "2025-05-02T09:30"),
                                                           session("avril", tar, "2025-04-03T10:00"), session("avril2", tar, "2025-04-10T10:00")])
        let past = Event(id: "passe", updated: S.at("2025-03-01T10:00"), title: "Passé", sessions: [session("s", tar, "2025-03-20T10:00")])
        let files = try S.render(S.content(events: [coming, past]))
        let page = try #require(files["agenda/bebes/index.html"])
        let expected = """
            <article class="event" data-pagefind-body>
            <div hidden data-pagefind-ignore="index">
            <span data-pagefind-filter="médiathèque">Tarentaize</span>
            <span data-pagefind-filter="médiathèque">Carnot</span>
            <span data-pagefind-filter="catégorie">Jeunesse</span>
            <span data-pagefind-filter="catégorie">Lecture</span>
            <span data-pagefind-filter="public">0-3 ans</span>
            <span data-pagefind-filter="mois">Avril 2025</span>
            <span data-pagefind-filter="mois">Mai 2025</span>
            <span data-pagefind-sort="date">2025-04-03T10:00</span>
            <span data-pagefind-meta="prochaine_seance">Jeudi 3 avril 2025 à 10:00</span>
            </div>
            """
        #expect(page.contains(expected))
        for (path, html) in files where path.hasSuffix(".html") && path != "agenda/bebes/index.html" {
            #expect(!html.contains("data-pagefind"), "\(path) is not indexed")
        }
    }
}
