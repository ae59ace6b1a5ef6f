import Foundation
import Testing
@testable import MediathequeKit

/// What an audit reads in the markup: every table captioned, its rows headed, its cells
/// labelled for a phone; links named out of context; text from the inputs isolated for bidi.
struct PrivateReadingTests {
    static let sql = PrivateLoansTests.sql + """
        INSERT INTO loan (id, barcode, patron_card, library, borrowed_on, due_on, returned_on) VALUES
          (20, '34200000000004', '24200000000001', 'TAR', '{{d-40}}', '{{d-12}}', '{{d-11}}'),
          (21, '34200000000004', '24200000000002', 'TAR', '{{d-1}}', '{{d+27}}', NULL);
        INSERT INTO hold (document_id, patron_card, pickup_library, placed_on, queue_position) VALUES
          (3, '24200000000001', 'TAR', '{{d-3}}', 2);
        INSERT INTO saved_search (id, patron_card, name, scope, query, created_on) VALUES
          (1, '24200000000001', 'Romans', 'agenda', '', '2025-01-01');
        """

    @Test func everyTableIsCaptionedHeadedAndLabelled() throws {
        let fixture = try PrivateFixture(sql: Self.sql, config: PrivateFixture.portal)
        defer { fixture.remove() }
        let files = try fixture.folderFiles(PrivateFixture.anne)
        var tables = 0
        for (path, html) in files where path.hasSuffix(".html") {
            for table in html.components(separatedBy: "<table").dropFirst() {
                tables += 1
                #expect(table.hasPrefix(#" class=""#) && table.contains("<caption id=\""), "\(path): a table without a caption")
                let body = table.components(separatedBy: "<tbody>")[1]
                for row in body.components(separatedBy: "<tr").dropFirst() {
                    #expect(row.components(separatedBy: "<th scope=\"row\" data-label=\"").count == 2, "\(path): \(row)")
                    #expect(row.components(separatedBy: "<td").count == row.components(separatedBy: "<td data-label=\"").count,
                            "\(path): a cell without its label: \(row)")
                }
            }
            // A scrolling table is a labelled region the keyboard reaches.
            #expect(html.components(separatedBy: "<div class=\"table-wrap\"").count
                    == html.components(separatedBy: "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"").count, "\(path)")
        }
        #expect(tables >= 8) // loans (2), holds, history, searches, and the summary's
    }

    @Test func linksSayWhereTheyLeadOutOfContext() throws {
        let fixture = try PrivateFixture(sql: Self.sql, config: PrivateFixture.portal)
        defer { fixture.remove() }
        let files = try fixture.folderFiles(PrivateFixture.anne)
        let home = try #require(files["index.html"])
        #expect(home.contains("Voir les prêts<span class=\"visually-hidden\"> de mon compte</span>"))
        #expect(home.contains("Voir les réservations<span class=\"visually-hidden\"> de Bruno Berger</span>"))
        #expect(files["recherches.html"]!.contains("Flux RSS<span class=\"visually-hidden\"> de la recherche Romans</span>"))
        #expect(Wording.whose(try fixture.bundle(PrivateFixture.emile).own, isOwn: false, name: "Émile Estève") == "d'Émile Estève")
    }

    @Test func textFromTheInputsCannotReorderWhatFollowsIt() throws {
        let override = "\u{202E}ليلى"
        let fixture = try PrivateFixture(fill: { db in
            try db.execute(sql: "UPDATE patron SET first_name = ? WHERE card_number = '24200000000001'", arguments: [override])
            try db.execute(sql: "INSERT INTO document (id, title, authors, kind, year, added_on) VALUES (1, 'Titre', ?, 'Livre', 2024, '2025-01-01')",
                           arguments: [override])
            try db.execute(sql: "INSERT INTO shelf (id, patron_card, name, kind, created_on) VALUES (9, '24200000000001', ?, 'custom', '2025-01-02')",
                           arguments: [override])
            try db.execute(sql: "INSERT INTO shelf_entry (shelf_id, document_id, added_on) VALUES (9, 1, '2025-03-01')")
        })
        defer { fixture.remove() }
        let files = try fixture.folderFiles(PrivateFixture.anne)
        #expect(files["index.html"]!.contains("Bonjour <bdi>\(override)</bdi>, voici"))
        #expect(files["favoris/index.html"]!.contains("<a href=\"9.html\" dir=\"auto\">\(override)</a> <span class=\"shelf-kind\">(Ma catégorie)</span> : 1 document"))
        let shelf = try #require(files["favoris/9.html"])
        #expect(shelf.contains("<title>Mes favoris : \u{2068}\(override)\u{2069} — "))
        #expect(shelf.contains("\u{2068}Livre\u{2069} | \u{2068}\(override)\u{2069} | \u{2068}2024\u{2069}"))
    }
}

/// An event's image under the site's base URL ships with the site: linked relative to the page.
struct EventImageTests {
    @Test func anImageOfTheSiteIsLinkedRelativeToThePage() throws {
        typealias S = PublicTestSupport
        let event = Event(id: "e", updated: S.at("2025-03-01T10:00"), title: "Atelier",
                          image: Event.Image(href: "https://mediatheques.example/assets/demo-atelier.svg", alt: "Des cubes"),
                          sessions: [Session(id: "s", library: S.libraries["TAR"]!, start: S.at("2025-04-02T10:00"),
                                             end: S.at("2025-04-02T11:00"), registration: .none)])
        let page = try #require(try S.render(S.content(events: [event]))["agenda/e/index.html"])
        #expect(page.contains(#"<img src="../../assets/demo-atelier.svg" alt="Des cubes" loading="lazy">"#))
    }
}
