import Foundation
import Testing
@testable import MediathequeKit

/// The GDPR window: a loan returned exactly `history_months` ago is shown; one a day
/// older appears in no file at all.
struct PrivateHistoryWindowTests {
    static let sql = """
        INSERT INTO document (id, title, kind, added_on) VALUES
          (1, 'Rendu pile au bord', 'Livre', '2020-01-01'), (2, 'Oublié depuis longtemps', 'Vidéo', '2020-01-01');
        INSERT INTO item (barcode, document_id, library) VALUES ('34200000000071', 1, 'TAR'), ('34200000000072', 2, 'CAR');
        INSERT INTO loan (barcode, patron_card, library, borrowed_on, due_on, returned_on) VALUES
          ('34200000000071', '24200000000001', 'TAR', '{{m-3 d-20}}', '{{m-3 d+8}}', '{{m-3}}'),
          ('34200000000072', '24200000000001', 'CAR', '{{m-3 d-30}}', '{{m-3 d-2}}', '{{m-3 d-1}}');
        """

    @Test func edgesOfTheWindowOnThePages() throws {
        let fixture = try PrivateFixture(sql: Self.sql)
        defer { fixture.remove() }
        let html = try fixture.page(PrivateFixture.anne, "historique.html")
        #expect(PrivateFixture.rows(html) == ["Rendu pile au bord | Livre | 08/12/2024 | 28/12/2024 | 20j. |"])
        #expect(html.contains("Afin de respecter le RGPD (la protection des données personnelles), l'historique de vos prêts s'affiche pendant trois mois dans votre dossier lecteur."))
        for (path, text) in try fixture.folderFiles(PrivateFixture.anne) {
            #expect(!text.contains("Oublié depuis longtemps"), "\(path) shows a loan older than the window")
            #expect(!text.contains("34200000000072"), "\(path) shows a loan older than the window")
        }
    }

    /// The whole pipeline, then every file of the patron's folder on disk.
    @Test func olderLoanIsInNoFileOfTheBuiltFolder() throws {
        let fixture = try PrivateFixture(sql: Self.sql)
        defer { fixture.remove() }
        let agenda = fixture.folder.appendingPathComponent("agenda.xml")
        try Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <agenda xmlns="urn:mediatheque:agenda:1" version="1" timezone="Europe/Paris" generated="2025-03-27T06:00"></agenda>
            """.utf8).write(to: agenda)
        let out = fixture.folder.appendingPathComponent("site")
        let secret = SiteSecret(bytes: Array("a-test-secret-of-enough-length".utf8))
        let site = PrivateFixture.templatesDirectory.deletingLastPathComponent().appendingPathComponent("Site")
        _ = try SiteBuilder(inputs: .init(
            database: fixture.folder.appendingPathComponent("accounts.sqlite").path, agenda: agenda.path,
            siteDirectory: site, templatesDirectory: PrivateFixture.templatesDirectory, output: out,
            today: PrivateFixture.today, secret: secret)).build()
        let token = PatronToken(secret: secret.bytes).token(card: PrivateFixture.anne, version: 0)
        let folder = out.appendingPathComponent("private/\(token)")
        let files = try #require(FileManager.default.subpaths(atPath: folder.path)).filter { !$0.hasSuffix("/") }
        #expect(files.contains("historique.html") && files.contains("donnees.json"))
        var sawEdge = false
        for path in files {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory),
                  !isDirectory.boolValue else { continue }
            let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(path)), as: UTF8.self)
            #expect(!text.contains("Oublié depuis longtemps") && !text.contains("34200000000072"), "\(path) leaks the older loan")
            sawEdge = sawEdge || text.contains("Rendu pile au bord")
        }
        #expect(sawEdge)
        let export = try Data(contentsOf: folder.appendingPathComponent("donnees.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: export) as? [String: Any])
        let history = try #require(json["history"] as? [[String: Any]])
        #expect(history.count == 1)
        #expect(history.first?["returned_on"] as? String == "2024-12-28")
    }
}
