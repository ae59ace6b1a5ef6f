import Foundation
import Testing
@testable import MediathequeKit

/// `donnees.json`: valid JSON, every section, deterministic bytes.
struct PrivateDataExportTests {
    static let sql = PrivateLoansTests.sql + """
        INSERT INTO loan (barcode, patron_card, library, borrowed_on, due_on, returned_on) VALUES
          ('34200000000004', '24200000000001', 'TAR', '{{d-40}}', '{{d-20}}', '{{d-16}}');
        INSERT INTO hold (document_id, patron_card, pickup_library, placed_on, available_on, available_until) VALUES
          (1, '24200000000001', 'CAR', '{{d-9}}', '{{d-1}}', '{{d+13}}');
        INSERT INTO review (patron_card, document_id, pseudonym, rating, title, body, written_at, status) VALUES
          ('24200000000001', 4, 'Anne', 4, 'Bien', 'Très bien.', '2025-03-01T10:00:00', 'published');
        INSERT INTO shelf (id, patron_card, name, kind, created_on) VALUES (1, '24200000000001', 'Mon panier', 'basket', '2025-01-01');
        INSERT INTO shelf_entry (shelf_id, document_id, added_on) VALUES (1, 3, '{{d-2}}');
        INSERT INTO saved_search (id, patron_card, name, scope, query, created_on) VALUES (1, '24200000000001', 'Clubs', 'agenda', '', '2025-01-01');
        INSERT INTO saved_search_facet (search_id, facet, value) VALUES (1, 'category', 'Club de lecture');
        INSERT INTO event_registration (patron_card, registered_by, event_id, session_id, status, registered_at) VALUES
          ('24200000000001', '24200000000001', 'parti', 's1', 'confirmed', '2025-03-01T09:00:00');
        """

    @Test func exportParsesAndHoldsEverySection() throws {
        let fixture = try PrivateFixture(sql: Self.sql)
        defer { fixture.remove() }
        let text = try #require(try fixture.folderFiles(PrivateFixture.anne)["donnees.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["format"] as? String == "mediatheque-donnees/1")
        #expect(json["reference_date"] as? String == "2025-03-28")
        let profile = try #require(json["profile"] as? [String: Any])
        #expect(profile["card_number"] as? String == PrivateFixture.anne)
        #expect(profile["birth_date"] is NSNull)
        let count = { (key: String) in (json[key] as? [Any])?.count }
        #expect(count("loans") == 4)
        #expect(count("history") == 1)
        #expect(count("holds") == 1)
        #expect(count("reviews") == 1)
        #expect(count("shelves") == 1)
        #expect(count("searches") == 1)
        #expect(count("registrations") == 1)
        #expect(count("shared_accounts") == 1)
        let loans = try #require(json["loans"] as? [[String: Any]])
        #expect(loans[0]["state"] as? String == "late")
        #expect(loans[0]["renewal_refusal"] as? String == RenewalRefusal.late.reason)
        let registration = try #require((json["registrations"] as? [[String: Any]])?.first)
        #expect(registration["event_title"] is NSNull, "the event left the feed")
        let window = try #require(json["history_window"] as? [String: Any])
        #expect(window["from"] as? String == "2024-12-28")
    }

    @Test func exportIsDeterministicWithSortedKeys() throws {
        let fixture = try PrivateFixture(sql: Self.sql)
        defer { fixture.remove() }
        let first = try fixture.folderFiles(PrivateFixture.anne)["donnees.json"]
        let second = try fixture.folderFiles(PrivateFixture.anne)["donnees.json"]
        #expect(first == second)
        let topKeys = try #require(first).split(separator: "\n").filter { $0.hasPrefix("  \"") }
            .map { $0.dropFirst(3).prefix { $0 != "\"" } }
        #expect(topKeys == topKeys.sorted())
        #expect(topKeys.count == 13)
    }
}
