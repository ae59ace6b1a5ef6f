import Foundation
import GRDB
@testable import MediathequeKit

/// Small hand-made inputs for reader tests.
enum Fixtures {
    /// A database with two libraries, a few patrons and the given extra SQL.
    static func database(in dir: TemporaryDirectory, name: String = "accounts.sqlite", _ sql: String = "") throws -> String {
        let path = dir.path(name)
        try DemoData.createDatabase(at: path) { db in
            try db.execute(sql: """
                INSERT INTO library (code, name) VALUES ('TAR', 'Tarentaize'), ('CAR', 'Carnot'), ('TRE', 'Tréfilerie');
                INSERT INTO patron (card_number, pseudo, first_name, last_name, membership_expires) VALUES
                  ('24200001234567', 'AuroreB', 'Aurore', 'Boréale', '2026-01-01'),
                  ('24200001234568', 'HannibalL', 'Hannibal', 'Lecteur', '2026-01-01'),
                  ('24200001234569', 'MarcelP', 'Marcel', 'Proust', '2026-01-01');
                INSERT INTO document (id, title, kind, added_on) VALUES
                  (1, 'Pilates : La méthode', 'Livre', '2024-01-01'),
                  (2, 'HPI : Haut Potentiel Intellectuel. Saison 2', 'Vidéo', '2024-01-01');
                INSERT INTO item (barcode, document_id, library) VALUES
                  ('34200021072893', 1, 'TAR'), ('34200022292839', 2, 'TAR');
                """)
            if !sql.isEmpty { try db.execute(sql: sql) }
        }
        return path
    }

    static let feedHeader = """
        <?xml version="1.0" encoding="UTF-8"?>
        <agenda xmlns="urn:mediatheque:agenda:1" version="1" timezone="Europe/Paris" generated="2025-03-01T06:00:00">
        """

    /// A feed made of the given events.
    static func feed(_ events: String) -> String { feedHeader + "\n" + events + "\n</agenda>\n" }

    static let libraries: [String: Library] = [
        "TAR": Library(code: "TAR", name: "Tarentaize"), "CAR": Library(code: "CAR", name: "Carnot"),
        "TRE": Library(code: "TRE", name: "Tréfilerie"),
    ]

    static let document = Document(id: 1, title: "Pilates", kind: "Livre", addedOn: Day(iso: "2024-01-01")!)
    static let tarentaize = Library(code: "TAR", name: "Tarentaize")

    static func day(_ iso: String) -> Day { Day(iso: iso)! }
    static func time(_ iso: String) -> LocalDateTime { LocalDateTime(iso: iso)! }
}
