import Testing
@testable import MediathequeKit

/// The private URLs the `link` command prints, and the `private_base_url` setting.
struct PrivateLinksTests {
    @Test func linksCoverEveryFileUnderThePrivateBaseURL() throws {
        let fixture = try PrivateFixture(sql: """
            INSERT INTO shelf (id, patron_card, name, kind, created_on) VALUES (4, '24200000000001', '../../x', 'custom', '2025-01-01');
            INSERT INTO saved_search (id, patron_card, name, scope, query, created_on, active) VALUES
              (8, '24200000000001', 'On', 'agenda', '', '2025-01-01', 1), (9, '24200000000001', 'Off', 'agenda', '', '2025-01-01', 0);
            """)
        defer { fixture.remove() }
        let secret = SiteSecret(bytes: Array("never-print-this-secret".utf8))
        let bundle = try fixture.bundle(PrivateFixture.anne)
        let token = PatronToken(secret: secret.bytes).token(for: bundle.own.patron)
        let urls = PrivateFolderLayout.links(for: bundle, token: token, baseURL: "https://example.org/espace/").map(\.url)
        let folder = "https://example.org/espace/\(token)/"
        for file in ["index.html", "prets.html", "reservations.html", "historique.html", "favoris/index.html", "favoris/4.html",
                     "avis.html", "inscriptions.html", "recherches.html", "profil.html", "synthese.pdf", "calendrier.ics",
                     "donnees.json", "recherches/8.rss"] {
            #expect(urls.contains(folder + file), "no link to \(file)")
        }
        #expect(urls.contains("webcal://example.org/espace/\(token)/calendrier.ics"))
        #expect(!urls.contains(folder + "recherches/9.rss"), "an inactive search has no feed")
        #expect(!urls.joined().contains("never-print-this-secret"))
    }

    @Test func privateBaseURLIsAnAbsoluteURLEndingInASlash() throws {
        #expect(SiteConfiguration().privateBaseURL == "https://mediatheques.example/espace/")
        let config = try SiteConfiguration.parse("private_base_url = https://biblio.example/moncompte", file: "site.conf")
        #expect(config.privateBaseURL == "https://biblio.example/moncompte/")
        #expect(throws: InputProblems.self) { try SiteConfiguration.parse("private_base_url = /espace/", file: "site.conf") }
    }
}
