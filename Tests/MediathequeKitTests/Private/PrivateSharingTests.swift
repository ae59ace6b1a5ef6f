import Testing
@testable import MediathequeKit

/// A member's data appears only in the folders of the holders who share with them.
struct PrivateSharingTests {
    /// Anne holds Bruno's account (one direction only); Clara shares with no one.
    static let sql = """
        INSERT INTO document (id, title, kind, added_on) VALUES
          (1, 'Livre d''Anne', 'Livre', '2024-01-01'), (2, 'Livre de Bruno', 'Livre', '2024-01-01'),
          (3, 'Réservé par Bruno', 'Livre', '2024-01-01'), (4, 'Historique de Bruno', 'Livre', '2024-01-01'),
          (5, 'Favori de Bruno', 'Livre', '2024-01-01');
        INSERT INTO item (barcode, document_id, library) VALUES
          ('34200000000001', 1, 'TAR'), ('34200000000002', 2, 'TAR'), ('34200000000004', 4, 'TAR');
        INSERT INTO loan (barcode, patron_card, library, borrowed_on, due_on, returned_on) VALUES
          ('34200000000001', '24200000000001', 'TAR', '{{d-1}}', '{{d+27}}', NULL),
          ('34200000000002', '24200000000002', 'TAR', '{{d-1}}', '{{d+27}}', NULL),
          ('34200000000004', '24200000000002', 'TAR', '{{d-20}}', '{{d+8}}', '{{d-2}}');
        INSERT INTO hold (document_id, patron_card, pickup_library, placed_on, queue_position) VALUES
          (3, '24200000000002', 'TAR', '{{d-3}}', 2);
        INSERT INTO shelf (id, patron_card, name, kind, created_on) VALUES (1, '24200000000002', 'Étagère secrète de Bruno', 'custom', '2025-01-01');
        INSERT INTO shelf_entry (shelf_id, document_id, added_on) VALUES (1, 5, '{{d-4}}');
        INSERT INTO review (patron_card, document_id, pseudonym, rating, title, body, written_at, status) VALUES
          ('24200000000002', 2, 'Bru', 3, 'Avis de Bruno', 'Texte de Bruno', '2025-03-01T10:00:00', 'pending');
        INSERT INTO saved_search (patron_card, name, scope, query, created_on) VALUES ('24200000000002', 'Recherche de Bruno', 'catalogue', 'bruno', '2025-01-01');
        """

    static func joined(_ files: [String: String]) -> String { PrivateFixture.unescape(files.values.joined(separator: "\n")) }

    @Test func holderSeesTheMembersLoansHoldsButNotTheirPrivateLife() throws {
        let fixture = try PrivateFixture(sql: Self.sql)
        defer { fixture.remove() }
        let files = try fixture.folderFiles(PrivateFixture.anne)
        let anne = Self.joined(files)
        #expect(anne.contains("Livre d'Anne"))
        #expect(PrivateFixture.unescape(files["prets.html"]!).contains("Livre de Bruno"))
        #expect(PrivateFixture.unescape(files["reservations.html"]!).contains("Réservé par Bruno"))
        // History, shelves, reviews, searches and profile stay the member's own.
        for own in ["Historique de Bruno", "Étagère secrète de Bruno", "Favori de Bruno", "Avis de Bruno", "Recherche de Bruno", "24200000000002", "BrunoB"] {
            #expect(!anne.contains(own), "Anne's folder shows Bruno's \(own)")
        }
        // The export is Anne's own data: Bruno appears by name only.
        #expect(!(files["donnees.json"]!.contains("Livre de Bruno")))
    }

    @Test func othersSeeNothingOfTheMember() throws {
        let fixture = try PrivateFixture(sql: Self.sql)
        defer { fixture.remove() }
        let clara = Self.joined(try fixture.folderFiles(PrivateFixture.clara))
        for text in ["Bruno", "Berger", "Livre de Bruno", "Réservé par Bruno", "Livre d'Anne", "Anne", "Aubert"] {
            #expect(!clara.contains(text), "Clara's folder shows \(text)")
        }
        // Sharing has a direction: Bruno does not hold Anne's account.
        let bruno = Self.joined(try fixture.folderFiles(PrivateFixture.bruno))
        #expect(bruno.contains("Livre de Bruno") && bruno.contains("Historique de Bruno"))
        #expect(!bruno.contains("Livre d'Anne") && !bruno.contains("Aubert"))
    }
}
