import Foundation
import Testing
@testable import MediathequeKit

/// Saved searches: words are found whatever their case and accents, facets narrow
/// (values of one facet ORed, facets ANDed), and the catalogue index agrees with the rules.
struct PrivateSearchTests {
    static let fee = Document(id: 1, title: "La Fée des neiges", authors: "Grimaud, Léon. Auteur", kind: "Livre", year: 2023,
                              genre: "Album jeunesse", audience: "Jeunesse", subjects: ["Contes"], addedOn: Day(iso: "2025-03-01")!)
    static let polar = Document(id: 2, title: "Le mystère de la chambre jaune", kind: "Livre", year: 1907, genre: "Roman policier",
                                audience: "Adulte", addedOn: Day(iso: "2025-03-02")!)

    static func search(_ query: String, scope: SavedSearch.Scope = .catalogue, _ facets: [String: [String]] = [:], active: Bool = true) -> SavedSearch {
        SavedSearch(id: 1, name: "s", scope: scope, query: query, createdOn: PrivateFixture.today, followed: false,
                    frequency: .daily, active: active, facets: facets)
    }

    static func matches(_ document: Document, _ search: SavedSearch, libraries: [String] = ["TAR"]) -> Bool {
        SavedSearchMatcher.matches(document, libraries: libraries, SearchCriteria(search))
    }

    @Test func foldingIgnoresCaseAndAccents() {
        #expect(SearchText.words("La Fée des NEIGES, l'été") == ["la", "fee", "des", "neiges", "l", "ete"])
        #expect(SearchText.fold("  Roman\tPOLICIER ") == "roman policier")
        #expect(SearchText.fold("Łódź Çağla Éloïse") == "łodz cagla eloise")
    }

    @Test func wordsAreFoundWhateverTheirCaseAndAccents() {
        #expect(Self.matches(Self.fee, Self.search("fee")))
        #expect(Self.matches(Self.fee, Self.search("FÉE neige")))
        #expect(Self.matches(Self.polar, Self.search("POLICIER")))
        #expect(Self.matches(Self.polar, Self.search("policier mystere")))
        #expect(!Self.matches(Self.polar, Self.search("policier fee")), "every word must be found")
        #expect(!Self.matches(Self.fee, Self.search("policier")))
        #expect(Self.matches(Self.fee, Self.search("grimaud contes")), "authors and subjects are searched")
    }

    @Test func facetsAreOredWithinAndAndedAcross() {
        #expect(Self.matches(Self.polar, Self.search("", ["genre": ["Manga", "roman POLICIER"]])))
        #expect(!Self.matches(Self.polar, Self.search("", ["genre": ["Roman policier"], "audience": ["Jeunesse"]])))
        #expect(Self.matches(Self.polar, Self.search("", ["genre": ["Roman policier"], "audience": ["Jeunesse", "Adulte"]])))
        #expect(Self.matches(Self.polar, Self.search("", ["library": ["CAR", "TAR"]])))
        #expect(!Self.matches(Self.polar, Self.search("", ["library": ["CAR"]])))
        #expect(Self.matches(Self.polar, Self.search("", ["year_to": ["1910"]])))
        #expect(!Self.matches(Self.polar, Self.search("", ["year_from": ["1950"]])))
        #expect(!Self.matches(Self.polar, Self.search("policier", scope: .agenda)), "an agenda search does not match documents")
    }

    @Test func agendaSearchesMatchSessions() {
        let event = Event(id: "club", updated: LocalDateTime(day: PrivateFixture.today), title: "Club de lecture",
                          summary: "On lit des polars", categories: ["Club de lecture"], audience: "Adulte")
        let tarentaize = Library(code: "TAR", name: "Tarentaize")
        let session = Session(id: "s1", library: tarentaize, start: LocalDateTime(day: PrivateFixture.today.adding(days: 5), hour: 18),
                              end: LocalDateTime(day: PrivateFixture.today.adding(days: 5), hour: 19), registration: .none)
        let matches = { (s: SavedSearch) in SavedSearchMatcher.matches(event: event, session: session, SearchCriteria(s)) }
        #expect(matches(Self.search("POLARS", scope: .agenda)))
        #expect(matches(Self.search("", scope: .agenda, ["category": ["club de lecture"], "library": ["TAR"]])))
        #expect(!matches(Self.search("", scope: .agenda, ["library": ["CAR"]])))
        #expect(matches(Self.search("", scope: .agenda, ["date_from": ["2025-04-02"], "date_to": ["2025-04-02"]])))
        #expect(!matches(Self.search("", scope: .agenda, ["date_from": ["2025-04-03"]])))
    }

    static let catalogue = """
        INSERT INTO document (id, title, authors, kind, year, summary, genre, audience, subjects, added_on) VALUES
          (1, 'La Fée des neiges', 'Grimaud, Léon. Auteur', 'Livre', 2023, 'Conte d''hiver.', 'Album jeunesse', 'Jeunesse', 'Contes ; Hiver', '2025-03-01'),
          (2, 'Le mystère de la chambre jaune', 'Leroux, Gaston. Auteur', 'Livre', 1907, NULL, 'Roman policier', 'Adulte', 'Enquêtes', '2025-03-02'),
          (3, 'Les fées de l''été', NULL, 'Vidéo', 2020, NULL, 'Documentaire', 'Jeunesse', NULL, '2025-03-05'),
          (4, 'Feerie', NULL, 'Musique', 2021, NULL, 'Musique classique', 'Adulte', NULL, '2025-03-04');
        INSERT INTO item (barcode, document_id, library) VALUES
          ('34200000000001', 1, 'TAR'), ('34200000000002', 2, 'CAR'), ('34200000000003', 3, 'TAR'), ('34200000000004', 4, 'CAR');
        """

    @Test func catalogueIndexFindsTheSameNewestFirst() throws {
        let fixture = try PrivateFixture(sql: Self.catalogue)
        defer { fixture.remove() }
        let index = try CatalogueIndex(source: fixture.database)
        #expect(index.documentCount == 4)
        let ids = { (s: SavedSearch) in try index.documents(matching: SearchCriteria(s), limit: 50).map(\.id) }
        #expect(try ids(Self.search("fee")) == [3, 4, 1], "prefix of a word, accents ignored, newest first")
        #expect(try ids(Self.search("POLICIER")) == [2])
        #expect(try ids(Self.search("fée neiges")) == [1])
        #expect(try ids(Self.search("fee", ["library": ["TAR"]])) == [3, 1])
        #expect(try ids(Self.search("", ["audience": ["jeunesse"], "kind": ["Livre", "Vidéo"]])) == [3, 1])
        #expect(try ids(Self.search("", ["year_from": ["2021"], "year_to": ["2022"]])) == [4])
        #expect(try ids(Self.search("introuvable")) == [])
        #expect(try index.documents(matching: SearchCriteria(Self.search("")), limit: 2).map(\.id) == [3, 4])
    }

    /// An index built in parts, side by side, answers as one built whole: same documents, same order.
    @Test(arguments: [2, 3, 5])
    func anIndexInPartsFindsWhatOneIndexFinds(parts: Int) throws {
        let fixture = try PrivateFixture(sql: Self.catalogue)
        defer { fixture.remove() }
        let whole = try CatalogueIndex(source: fixture.database)
        let split = try CatalogueIndex(sources: (0..<parts).map { _ in try AccountDatabase(path: fixture.database.file) })
        #expect(split.documentCount == 4)
        let searches = [Self.search("fee"), Self.search("POLICIER"), Self.search("fee", ["library": ["TAR"]]),
                        Self.search("", ["audience": ["jeunesse"], "kind": ["Livre", "Vidéo"]]), Self.search(""),
                        Self.search("", ["library": ["CAR"]]), Self.search("introuvable")]
        for search in searches {
            for limit in [1, 2, 50] {
                let criteria = SearchCriteria(search)
                #expect(try split.documents(matching: criteria, limit: limit).map(\.id)
                        == whole.documents(matching: criteria, limit: limit).map(\.id), "\(search.query) \(search.facets) \(limit)")
            }
        }
    }

    @Test func catalogueFeedsAreCappedAndInactiveSearchesGetNone() throws {
        var sql = "INSERT INTO document (id, title, kind, genre, added_on) VALUES "
        sql += (1...60).map { "(\($0), 'Manga numéro \($0)', 'Livre', 'Manga', '\(PrivateFixture.today.adding(days: -$0).iso)')" }.joined(separator: ", ")
        sql += """
            ;
            INSERT INTO saved_search (id, patron_card, name, scope, query, created_on, active) VALUES
              (1, '24200000000001', 'Mangas', 'catalogue', '', '2025-01-01', 1),
              (2, '24200000000001', 'Mangas éteints', 'catalogue', 'manga', '2025-01-01', 0);
            INSERT INTO saved_search_facet (search_id, facet, value) VALUES (1, 'genre', 'Manga');
            """
        let fixture = try PrivateFixture(sql: sql)
        defer { fixture.remove() }
        let searches = try fixture.bundle(PrivateFixture.anne).own.searches
        let active = try #require(try fixture.renderer.searches.feed(for: searches[0]))
        #expect(active.items.count == SavedSearchMatcher.catalogueLimit)
        #expect(active.items.first?.guid == "document-1" && active.items.last?.guid == "document-50")
        #expect(try fixture.renderer.searches.feed(for: searches[1]) == nil)
        let page = try fixture.page(PrivateFixture.anne, "recherches.html")
        #expect(page.contains(#"<a href="recherches/1.rss">Flux RSS<span class="visually-hidden"> de la recherche Mangas</span></a> (50 résultats)"#))
        #expect(!page.contains("recherches/2.rss"))
        #expect(page.contains("Désactivée"))
    }
}

/// Text stored decomposed (NFD, "e" + U+0301) is found like composed text.
struct PrivateSearchDecomposedTextTests {
    @Test func decomposedAccentsAreFoundToo() throws {
        let fixture = try PrivateFixture(fill: { db in
            try db.execute(sql: "INSERT INTO document (id, title, kind, added_on) VALUES (1, ?, 'Livre', '2025-01-01'), (2, ?, 'Livre', '2025-01-02')",
                           arguments: ["La Fe\u{301}e des neiges", "Ete\u{301} indien"])
        })
        defer { fixture.remove() }
        let index = try CatalogueIndex(source: fixture.database)
        let search = { (query: String) in
            try index.documents(matching: SearchCriteria(PrivateSearchTests.search(query)), limit: 50).map(\.id)
        }
        #expect(try search("fee") == [1])
        #expect(try search("FÉE NEIGES") == [1])
        #expect(try search("été") == [2])
    }
}
