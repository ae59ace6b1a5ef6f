import Testing
@testable import MediathequeKit

struct PublicPlanTests {
    typealias S = PublicTestSupport

    static func event(_ id: String, categories: [String] = [], sessions: [Session]) -> Event {
        Event(id: id, updated: S.at("2025-03-01T10:00"), title: "Animation \(id)", categories: categories, sessions: sessions)
    }

    static func session(_ id: String, _ library: String, _ start: String, _ end: String,
                        status: Session.Status = .scheduled) -> Session {
        Session(id: id, library: S.libraries[library] ?? Library(code: library, name: library),
                start: S.at(start), end: S.at(end), registration: .none, status: status)
    }

    static let events = [
        event("b", categories: ["Jeunesse", "Lecture"], sessions: [
            session("s1", "CAR", "2025-03-29T10:00", "2025-03-29T11:00"),
            session("past", "CAR", "2025-03-20T10:00", "2025-03-20T11:00"),
            session("s2", "TAR", "2025-04-02T10:00", "2025-04-02T11:00", status: .cancelled),
        ]),
        event("a", categories: ["Conférence"], sessions: [
            session("s1", "TRE", "2025-03-29T10:00", "2025-03-29T12:00"),
            // under way since yesterday: listed under today
            session("long", "TAR", "2025-03-27T10:00", "2025-03-30T18:00"),
        ]),
        event("mois", categories: ["jeunesse"], sessions: [session("s", "TAR", "2025-05-01T10:00", "2025-05-01T11:00")]),
        event("old", categories: ["Archives"], sessions: [session("s", "TAR", "2025-01-01T10:00", "2025-01-01T11:00")]),
    ]

    @Test func comingSessionsAreGroupedByDayMonthLibraryAndCategory() {
        let plan = PublicPlan(content: S.content(events: Self.events))
        #expect(plan.coming.map { "\($0.event.id)/\($0.session.id)" } == ["a/long", "a/s1", "b/s1", "b/s2", "mois/s"])
        let days = PublicPlan.days(plan.coming)
        #expect(days.map(\.day.iso) == ["2025-03-28", "2025-03-29", "2025-04-02", "2025-05-01"])
        #expect(days[1].sessions.map(\.event.id) == ["a", "b"])
        #expect(plan.months.map(\.slug) == ["2025-03", "2025-04", "2025-05"])
        #expect(plan.months.map(\.sessions.count) == [3, 1, 1])
        #expect(plan.libraries.map(\.library.name) == ["Carnot", "Tarentaize", "Tréfilerie"])
        #expect(plan.libraries.map(\.sessions.count) == [1, 3, 1])
        #expect(plan.categories.map(\.slug) == ["archives", "conference", "jeunesse", "jeunesse-2", "lecture"])
        #expect(plan.categorySlugs["Jeunesse"] == "jeunesse" && plan.categorySlugs["jeunesse"] == "jeunesse-2")
        #expect(plan.categories.first { $0.name == "Archives" }?.sessions.isEmpty == true)
        #expect(plan.featured.map(\.session.id) == ["long", "s1", "s1", "s"]) // the cancelled one is not featured
    }

    @Test func pathsAndCalendarsShareTheSlugs() {
        let plan = PublicPlan(content: S.content(events: Self.events))
        #expect(plan.libraryPath("TAR") == "agenda/lieux/tar/index.html")
        #expect(plan.calendarPath(library: "TAR") == "agenda/lieux/tar.ics")
        #expect(plan.categoryPath("Conférence") == "agenda/categories/conference/index.html")
        #expect(plan.calendarPath(category: "jeunesse") == "agenda/categories/jeunesse-2.ics")
        #expect(PublicPlan.calendarPath == "agenda.ics" && PublicPlan.feedPath == "agenda.rss")
    }

    @Test func eventFoldersAvoidReservedAndCaseOnlyNames() {
        let folders = PublicPlan.eventFolders(for: ["mois", "Lieux", "index.html", "A", "a", "ok.1", "../x"])
        #expect(folders["mois"] == "mois-2")
        #expect(folders["Lieux"] == "Lieux-2")
        #expect(folders["index.html"] == "index.html-2")
        #expect(folders["A"] == "A" && folders["a"] == "a-2")
        #expect(folders["ok.1"] == "ok.1")
        #expect(folders["../x"] == "x")
    }

    @Test func everyPathIsDistinctAndNoFileIsAlsoAFolder() throws {
        let plan = PublicPlan(content: S.content(events: Self.events))
        let paths = plan.pages.map(\.path)
        #expect(Set(paths).count == paths.count)
        for path in paths {
            _ = try BundlePath("public/" + path)
            #expect(!paths.contains { $0.hasPrefix(path + "/") }, "\(path) is a file and a folder")
        }
        #expect(paths.contains("agenda/mois-2/index.html")) // the event "mois"
        #expect(paths.contains("agenda/old/index.html")) // past events keep their page
    }

    @Test func thePlanDoesNotDependOnDictionaryOrder() throws {
        var small: [String: Library] = [:]
        var large: [String: Library] = Dictionary(minimumCapacity: 512)
        for code in ["TAR", "CAR", "TRE", "SOL", "MON", "COT", "LCO", "TER"] { small[code] = Library(code: code, name: "Médiathèque \(code)") }
        for code in ["TER", "LCO", "COT", "MON", "SOL", "TRE", "CAR", "TAR"] { large[code] = Library(code: code, name: "Médiathèque \(code)") }
        var confirmedSmall: [SessionKey: Int] = [:]
        var confirmedLarge: [SessionKey: Int] = Dictionary(minimumCapacity: 256)
        for (n, event) in Self.events.enumerated() {
            for session in event.sessions {
                confirmedSmall[SessionKey(eventID: event.id, sessionID: session.id)] = n
            }
        }
        for (key, value) in confirmedSmall.reversed() { confirmedLarge[key] = value }
        let a = try S.render(S.content(events: Self.events, libraries: small, confirmed: confirmedSmall))
        let b = try S.render(S.content(events: Self.events.reversed(), libraries: large, confirmed: confirmedLarge))
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, text) in a { #expect(b[path] == text, "\(path) differs") }
    }
}
