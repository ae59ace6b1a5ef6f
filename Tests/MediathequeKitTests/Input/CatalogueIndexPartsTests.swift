import Foundation
import GRDB
import Testing
@testable import MediathequeKit

/// The catalogue index built in parts, side by side (one per core): it must answer, and
/// fail, as one index built alone.
struct CatalogueIndexPartsTests {
    /// A database of `documents` (id, title, genre, added_on) and `items` (document, library), in a fresh folder.
    static func database(_ documents: [(Int, String, String, String)], items: [(Int, String)]) throws -> (path: String, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mediatheque-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("accounts.sqlite").path
        try DemoData.createDatabase(at: path) { db in
            try db.execute(sql: "INSERT INTO library (code, name) VALUES ('TAR', 'Tarentaize'), ('CAR', 'Carnot')")
            for (id, title, genre, added) in documents {
                try db.execute(sql: "INSERT INTO document (id, title, kind, genre, added_on) VALUES (?, ?, 'Livre', ?, ?)",
                               arguments: [id, title, genre, added])
            }
            for (index, item) in items.enumerated() {
                try db.execute(sql: "INSERT INTO item (barcode, document_id, library) VALUES (?, ?, ?)",
                               arguments: ["3420000000\(1000 + index)", item.0, item.1])
            }
        }
        return (path, folder)
    }

    static func index(_ path: String, parts: Int) throws -> CatalogueIndex {
        try CatalogueIndex(sources: (0..<parts).map { _ in try AccountDatabase(path: path) })
    }

    /// Twelve documents, one a day; the mangas are the 3rd, 6th, 9th and 12th: with three
    /// parts, all in the same one, so that the newest matches are never spread evenly.
    @Test(arguments: [1, 2, 3, 4, 5])
    func theNewestMatchesAreKeptWhicheverPartHoldsThem(parts: Int) throws {
        let documents = (1...12).map { day in
            (day, day % 3 == 0 ? "Manga \(day)" : "Roman \(day)", day % 3 == 0 ? "Manga" : "Roman",
             "2025-03-\(String(format: "%02d", day))")
        }
        let (path, folder) = try Self.database(documents, items: [(12, "TAR"), (12, "CAR"), (9, "CAR"), (3, "TAR"), (5, "CAR")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let index = try Self.index(path, parts: parts)
        #expect(index.documentCount == 12)
        let search = { (query: String, facets: [String: [String]], limit: Int) in
            try index.documents(matching: SearchCriteria(PrivateSearchTests.search(query, facets)), limit: limit).map(\.id)
        }
        #expect(try search("manga", [:], 2) == [12, 9])
        #expect(try search("manga", [:], 3) == [12, 9, 6])
        #expect(try search("", ["genre": ["Manga"]], 50) == [12, 9, 6, 3])
        #expect(try search("", [:], 4) == [12, 11, 10, 9])
        #expect(try search("", ["library": ["CAR"]], 50) == [12, 9, 5], "a document with items in two libraries, once")
        #expect(try search("", ["library": ["TAR"]], 1) == [12])
        #expect(try search("roman", ["library": ["CAR"]], 50) == [5])
    }

    /// Two rows that cannot be read, in different parts: the error names the older one, as
    /// one index built alone meets it first, whatever the number of parts.
    @Test func aBadRowIsTheOldestWhateverTheParts() throws {
        var documents = (1...9).map { ($0, "Roman \($0)", "Roman", "2025-03-\(String(format: "%02d", $0))") }
        // Sorted last ("z" after the digits), at the 10th and 11th places: with two parts, the
        // older one is in the second part and the newer one in the first.
        documents += [(41, "Illisible", "Roman", "zz-1"), (42, "Illisible aussi", "Roman", "zz-2")]
        let (path, folder) = try Self.database(documents, items: [])
        defer { try? FileManager.default.removeItem(at: folder) }
        var errors: [String] = []
        for parts in 1...4 {
            do {
                _ = try Self.index(path, parts: parts)
                Issue.record("\(parts) part(s): a bad row was not reported")
            } catch {
                errors.append("\(error)")
            }
        }
        #expect(errors.count == 4 && Set(errors).count == 1, "\(errors)")
        #expect(errors.first?.contains("41") == true, "\(errors)")
    }
}
