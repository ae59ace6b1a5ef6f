import Foundation
import Testing
@testable import MediathequeKit

/// `mediatheque link`, run as a process: the patron's URLs, never the secret.
@Suite(.serialized)
struct PrivateLinkCommandTests {
    @Test func printsEveryURLOfThePatronsFolder() throws {
        let fixture = try PrivateFixture(sql: """
            INSERT INTO saved_search (id, patron_card, name, scope, query, created_on) VALUES (3, '24200000000001', 'Clubs', 'agenda', '', '2025-01-01');
            UPDATE patron SET feed_key_version = 4 WHERE card_number = '24200000000001';
            """)
        defer { fixture.remove() }
        let secret = "a-secret-that-must-never-be-printed"
        let secretFile = fixture.folder.appendingPathComponent("secret")
        try Data((secret + "\n").utf8).write(to: secretFile)
        let result = try Command.run(["link", "--card", PrivateFixture.anne, "--secret-file", secretFile.path,
                                      "--database", fixture.folder.appendingPathComponent("accounts.sqlite").path])
        #expect(result.status == 0, "\(result.stderr)")
        let token = PatronToken(secret: Array(secret.utf8)).token(card: PrivateFixture.anne, version: 4)
        let folder = "https://mediatheques.example/espace/\(token)/"
        for file in ["index.html", "prets.html", "favoris/index.html", "synthese.pdf", "calendrier.ics", "donnees.json", "recherches/3.rss"] {
            #expect(result.stdout.contains(folder + file), "no \(file) in \(result.stdout)")
        }
        #expect(result.stdout.contains("webcal://mediatheques.example/espace/\(token)/calendrier.ics"))
        #expect(!(result.stdout + result.stderr).contains(secret))
    }

    @Test func demoAndUnknownCard() throws {
        let demo = try Command.run(["link", "--card", "24200001234567", "--today", "2025-03-28"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let token = PatronToken(secret: SiteSecret.demo.bytes).token(card: "24200001234567", version: 0)
        #expect(demo.stdout.contains("https://mediatheques.example/espace/\(token)/index.html"))
        #expect(!demo.stdout.contains(String(decoding: SiteSecret.demo.bytes, as: UTF8.self)))
        let unknown = try Command.run(["link", "--card", "24200009999999", "--today", "2025-03-28"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no patron with card number 24200009999999"))
        let bad = try Command.run(["link", "--card", "12ab"])
        #expect(bad.status != 0 && bad.stderr.contains("14-digit"))
    }
}
