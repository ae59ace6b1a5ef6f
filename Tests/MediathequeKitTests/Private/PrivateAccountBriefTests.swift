import Testing
@testable import MediathequeKit

/// `index.html`: "Votre compte en bref" for the patron and each shared account.
struct PrivateAccountBriefTests {
    /// Anne: 5 loans (3 late, 2 due today), 3 holds (1 available). Bruno (shared with Anne): 1 loan due tomorrow.
    static let sql = """
        INSERT INTO document (id, title, kind, added_on) VALUES (1, 'Un', 'Livre', '2024-01-01'), (2, 'Deux', 'Livre', '2024-01-01');
        INSERT INTO item (barcode, document_id, library) VALUES
          ('34200000000001', 1, 'TAR'), ('34200000000002', 1, 'TAR'), ('34200000000003', 1, 'TAR'),
          ('34200000000004', 2, 'TAR'), ('34200000000005', 2, 'TAR'), ('34200000000006', 2, 'CAR');
        INSERT INTO loan (barcode, patron_card, library, borrowed_on, due_on) VALUES
          ('34200000000001', '24200000000001', 'TAR', '{{d-40}}', '{{d-5}}'),
          ('34200000000002', '24200000000001', 'TAR', '{{d-40}}', '{{d-5}}'),
          ('34200000000003', '24200000000001', 'TAR', '{{d-40}}', '{{d-1}}'),
          ('34200000000004', '24200000000001', 'TAR', '{{d-28}}', '{{d}}'),
          ('34200000000005', '24200000000001', 'TAR', '{{d-28}}', '{{d}}'),
          ('34200000000006', '24200000000002', 'CAR', '{{d-27}}', '{{d+1}}');
        INSERT INTO hold (document_id, patron_card, pickup_library, placed_on, available_on, available_until, queue_position) VALUES
          (1, '24200000000001', 'TAR', '{{d-10}}', '{{d-1}}', '{{d+13}}', NULL),
          (2, '24200000000001', 'TAR', '{{d-10}}', NULL, NULL, 1),
          (2, '24200000000001', 'TAR', '{{d-9}}', NULL, NULL, 3);
        """

    static func lines(_ html: String, account heading: String) throws -> [String] {
        let start = try #require(html.range(of: ">\(heading)</h3>"))
        let section = html[start.upperBound...]
        let end = section.range(of: "</section>")!.lowerBound
        return section[..<end].components(separatedBy: "<li>").dropFirst().map { $0.components(separatedBy: "</li>")[0] }
    }

    @Test func ownAccountInBrief() throws {
        let fixture = try PrivateFixture(sql: Self.sql)
        defer { fixture.remove() }
        let html = try fixture.page(PrivateFixture.anne, "index.html")
        #expect(try Self.lines(html, account: "Mon compte") == [
            "Vous avez emprunté 5 documents", "3 sont en retard", "2 autres sont à rendre aujourd'hui",
            "Vous avez réservé 3 documents", "1 est disponible", "2 autres sont en attente",
        ])
    }

    @Test func sharedAccountInBriefUnderTheMembersName() throws {
        let fixture = try PrivateFixture(sql: Self.sql)
        defer { fixture.remove() }
        let html = try fixture.page(PrivateFixture.anne, "index.html")
        #expect(try Self.lines(html, account: "Bruno Berger") == [
            "Vous avez emprunté 1 document", "1 est à rendre demain", "Vous n'avez pas de réservation",
        ])
        #expect(html.contains("Mon compte – sélectionner le compte à afficher"))
        // The tabs count what prets.html and reservations.html list: own and shared accounts.
        #expect(html.contains(#"Prêts <strong>6</strong>"#))
        #expect(html.contains(#"Réservations <strong>3</strong>"#))
    }

    @Test func nextDueDateAndLinksToEveryFile() throws {
        let fixture = try PrivateFixture(sql: """
            INSERT INTO document (id, title, kind, added_on) VALUES (1, 'Un', 'Livre', '2024-01-01');
            INSERT INTO item (barcode, document_id, library) VALUES ('34200000000001', 1, 'TAR');
            INSERT INTO loan (barcode, patron_card, library, borrowed_on, due_on) VALUES
              ('34200000000001', '24200000000003', 'TAR', '{{d-1}}', '{{d+13}}');
            """)
        defer { fixture.remove() }
        let html = try fixture.page(PrivateFixture.clara, "index.html")
        #expect(try Self.lines(html, account: "Mon compte").prefix(2) == ["Vous avez emprunté 1 document", "1 est à rendre le 10/04/2025"])
        for file in PrivateFolderLayout.pages.map(\.file) + ["synthese.pdf", "calendrier.ics", "donnees.json"] {
            #expect(html.contains("href=\"\(file)\""), "index.html does not link to \(file)")
        }
        #expect(html.contains("href=\"webcal://mediatheques.example/espace/t24200000000003/calendrier.ics\""))
    }
}
