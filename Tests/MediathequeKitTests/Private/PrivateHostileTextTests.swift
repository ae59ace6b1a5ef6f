import Foundation
import GRDB
import Testing
@testable import MediathequeKit

/// Names, titles, reviews, shelf and search names from the database are inert in
/// HTML and JSON, and never become paths.
struct PrivateHostileTextTests {
    static let script = "<script>alert('x')</script>"
    /// Controls HTML forbids (SQLite text stops at a NUL, so none here).
    static let controls = "Bof\u{7}\u{1B}[31m\u{7F}\u{85}\u{FFFE}" + String(Unicode.Scalar(0xFDD0)!) + "!"

    static func fill(_ db: Database) throws {
        try db.execute(sql: "UPDATE patron SET first_name = ?, last_name = ?, city = ? WHERE card_number = '24200000000003'",
                       arguments: [Self.script, "\"><img src=x onerror=alert(1)>", Self.controls])
        try db.execute(sql: "INSERT INTO document (id, title, authors, kind, summary, added_on) VALUES (1, ?, ?, 'Livre', ?, '2025-01-01')",
                       arguments: ["Titre \(Self.script)", "Auteur & Cie </td>", Self.controls])
        try db.execute(sql: "INSERT INTO item (barcode, document_id, library) VALUES ('34200000000001', 1, 'TAR')")
        try db.execute(sql: "INSERT INTO loan (barcode, patron_card, library, borrowed_on, due_on) VALUES ('34200000000001', '24200000000003', 'TAR', '2025-03-20', '2025-04-17')")
        try db.execute(sql: "INSERT INTO review (patron_card, document_id, pseudonym, rating, title, body, written_at, status) VALUES ('24200000000003', 1, ?, 1, ?, ?, '2025-03-01T10:00:00', 'rejected')",
                       arguments: ["{{pseudo}}", "</p><p onclick=x>", "Ligne 1\r\nLigne 2 \(Self.controls)"])
        try db.execute(sql: "INSERT INTO shelf (id, patron_card, name, kind, created_on) VALUES (7, '24200000000003', '../../x', 'custom', '2025-01-02'), (8, '24200000000003', ?, 'custom', '2025-01-02')",
                       arguments: ["/etc/passwd\u{1}<b>"])
        try db.execute(sql: "INSERT INTO shelf_entry (shelf_id, document_id, added_on) VALUES (7, 1, '2025-03-01')")
        try db.execute(sql: "INSERT INTO saved_search (id, patron_card, name, scope, query, created_on) VALUES (5, '24200000000003', ?, 'catalogue', ?, '2025-01-01')",
                       arguments: ["<img src=x>", "\"' OR 1=1 -- NEAR AND *"])
    }

    @Test func hostileTextIsInertInEveryPage() throws {
        let fixture = try PrivateFixture(fill: Self.fill)
        defer { fixture.remove() }
        let files = try fixture.folderFiles(PrivateFixture.clara)
        #expect(Set(files.keys).isSuperset(of: ["favoris/7.html", "favoris/8.html", "avis.html"]))
        for (path, text) in files where path.hasSuffix(".html") {
            for raw in ["<script", "<img", "<b>", "<p onclick", "</td>\""] {
                #expect(!text.contains(raw), "\(path) holds raw \(raw)")
            }
            let forbidden = text.unicodeScalars.filter { $0 == "\r" || !Text.isAllowed($0) }
            #expect(forbidden.isEmpty, "\(path) holds characters HTML forbids: \(forbidden.map(\.value))")
        }
        let shelf = try #require(files["favoris/7.html"])
        #expect(shelf.contains(#"<h1 dir="auto">../../x</h1>"#))
        #expect(files["favoris/index.html"]!.contains(#"<a href="7.html" dir="auto">../../x</a>"#))
        #expect(files["recherches.html"]!.contains(#"<th scope="row" data-label="Nom">&lt;img src=x&gt;</th>"#))
        #expect(files["index.html"]!.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(files["avis.html"]!.contains("Ligne 1\nLigne 2 Bof[31m!"))
    }

    @Test func hostileTextIsFaithfulAndInertInJSON() throws {
        let fixture = try PrivateFixture(fill: Self.fill)
        defer { fixture.remove() }
        let text = try #require(try fixture.folderFiles(PrivateFixture.clara)["donnees.json"])
        #expect(!text.contains("<") && !text.contains(">"), "markup characters are escaped as \\u003c, \\u003e")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "control characters are escaped")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let profile = try #require(json["profile"] as? [String: Any])
        #expect(profile["first_name"] as? String == Self.script)
        #expect(profile["city"] as? String == Self.controls)
        let shelves = try #require(json["shelves"] as? [[String: Any]])
        #expect(shelves.map { $0["name"] as? String } == ["../../x", "/etc/passwd\u{1}<b>"])
    }

    @Test func privateTextDropsWhatHTMLForbids() {
        #expect(HTMLText.clean(Self.controls) == "Bof[31m!")
        #expect(HTMLText.clean("a\r\nb\rc\td") == "a\nb\nc\td")
        #expect(HTMLText.clean("Fée 雪 ليلى") == "Fée 雪 ليلى")
    }
}

/// A quote fused with a combining mark is one Swift `Character`, which swift-mustache
/// would not escape: private pages clean it like the public ones.
struct PrivateFusedQuoteTests {
    @Test func aQuoteWithACombiningMarkIsEscaped() throws {
        let fixture = try PrivateFixture(fill: { db in
            try db.execute(sql: "UPDATE patron SET first_name = ? WHERE card_number = '24200000000005'",
                           arguments: ["É\"\u{301} onmouseover=alert(1) x=\"\u{301}"])
        })
        defer { fixture.remove() }
        let files = try fixture.folderFiles(PrivateFixture.emile)
        #expect(files["index.html"]?.contains("É&quot; onmouseover=alert(1) x=&quot;") == true)
        let fused = String(decoding: [0x22, 0xCC, 0x81], as: UTF8.self) // a quote and U+0301
        for (path, html) in files where path.hasSuffix(".html") {
            let leaks = html.contains(fused)
            #expect(!leaks, "\(path) lets a fused quote through unescaped")
        }
    }
}
