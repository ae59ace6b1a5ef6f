import Foundation
import Testing
@testable import MediathequeKit

/// `recherches/<id>.rss`: one RSS 2.0 feed per active saved search, written with
/// the shared RSS writer and checked by `Tests/Validators/validate_rss.py`.
struct PrivateSearchFeedTests {
    static let sql = PrivateSearchTests.catalogue + """
        INSERT INTO saved_search (id, patron_card, name, scope, query, created_on, active) VALUES
          (1, '24200000000001', 'Fées <b>& merveilles</b>', 'catalogue', 'fee', '2025-01-01', 1),
          (2, '24200000000001', 'Clubs', 'agenda', 'LECTURE', '2025-01-01', 1),
          (3, '24200000000001', 'Éteinte', 'catalogue', '', '2025-01-01', 0);
        """

    static let club = Event(id: "club", updated: LocalDateTime(day: PrivateFixture.today.adding(days: -3), hour: 9), title: "Club de lecture",
                            summary: "On lit, on échange.", categories: ["Club de lecture"], sessions: [
                                Session(id: "s1", library: Library(code: "TAR", name: "Tarentaize"),
                                        start: LocalDateTime(day: PrivateFixture.today.adding(days: 9), hour: 18),
                                        end: LocalDateTime(day: PrivateFixture.today.adding(days: 9), hour: 19, minute: 30),
                                        registration: .none),
                            ])

    @Test func activeSearchesGetAFeedInactiveOnesNone() throws {
        let fixture = try PrivateFixture(sql: Self.sql, feed: [Self.club])
        defer { fixture.remove() }
        let files = try fixture.folderFiles(PrivateFixture.anne)
        #expect(files.keys.filter { $0.hasPrefix("recherches/") }.sorted() == ["recherches/1.rss", "recherches/2.rss"])
        let catalogue = try #require(files["recherches/1.rss"])
        #expect(catalogue.components(separatedBy: "<item>").count - 1 == 3)
        #expect(catalogue.contains("<title>Fées &lt;b&gt;&amp; merveilles&lt;/b&gt; — Médiathèques de Saint-Étienne</title>"))
        #expect(catalogue.contains("<guid isPermaLink=\"false\">document-3</guid>"))
        #expect(catalogue.contains("<atom:link href=\"https://mediatheques.example/espace/t24200000000001/recherches/1.rss\" rel=\"self\""))
        let agenda = try #require(files["recherches/2.rss"])
        #expect(agenda.contains("<link>https://mediatheques.example/agenda/club/</link>"))
        #expect(agenda.contains("06/04/2025 à 18:00, Tarentaize"))
    }

    @Test func feedsAreDeterministic() throws {
        let fixture = try PrivateFixture(sql: Self.sql, feed: [Self.club])
        defer { fixture.remove() }
        let first = try fixture.folderFiles(PrivateFixture.anne)
        let second = try fixture.folderFiles(PrivateFixture.anne)
        #expect(first["recherches/1.rss"] == second["recherches/1.rss"])
        // The channel's date is the newest match's, not the build's clock.
        #expect(first["recherches/1.rss"]!.contains("<lastBuildDate>Wed, 05 Mar 2025 00:00:00 +0100</lastBuildDate>"))
    }

    /// With the portal's catalogue, each new document links to its record; the guid stays.
    @Test func catalogueItemsLinkToTheirRecord() throws {
        let fixture = try PrivateFixture(sql: Self.sql, feed: [Self.club], config: PrivateFixture.portal)
        defer { fixture.remove() }
        let catalogue = try #require(try fixture.folderFiles(PrivateFixture.anne)["recherches/1.rss"])
        let items = catalogue.components(separatedBy: "<item>").dropFirst()
        #expect(items.count == 3)
        for item in items {
            let guid = try #require(item.range(of: "document-")).upperBound
            let id = item[guid...].prefix { $0.isNumber }
            #expect(item.contains("<link>https://portail.example/notice/\(id)</link>"))
        }
        // Without a record page, no link at all.
        let plain = try PrivateFixture(sql: Self.sql, feed: [Self.club])
        defer { plain.remove() }
        #expect(!(try plain.folderFiles(PrivateFixture.anne)["recherches/1.rss"]!.contains("<link>https://portail")))
    }

    @Test(.requiresRSSValidators) func feedsPassTheRSSValidator() throws {
        let fixture = try PrivateFixture(sql: Self.sql, feed: [Self.club], config: PrivateFixture.portal)
        defer { fixture.remove() }
        let out = fixture.folder.appendingPathComponent("feeds")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        for (path, text) in try fixture.folderFiles(PrivateFixture.anne) where path.hasSuffix(".rss") {
            try Data(text.utf8).write(to: out.appendingPathComponent(path.replacingOccurrences(of: "/", with: "-")))
        }
        let outcome = try Validators.validateRSS([out])
        #expect(outcome.succeeded, "\(outcome.standardError)")
    }
}
