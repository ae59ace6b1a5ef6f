import Testing
@testable import MediathequeKit

/// What a patron folder reads of the catalogue, digested: each active catalogue search reads
/// what it shows, not the whole catalogue.
struct CatalogueSearchDigestsTests {
    /// A catalogue searched by the pure rules, its documents held at Tarentaize.
    struct Shelf: CatalogueSearchable {
        var documents: [Document]

        func documents(matching criteria: SearchCriteria, limit: Int) throws -> [Document] {
            Array(documents.filter { SavedSearchMatcher.matches($0, libraries: ["TAR"], criteria) }
                .sorted { ($0.addedOn, $0.id) > ($1.addedOn, $1.id) }.prefix(limit))
        }
    }

    static func document(_ id: Int64, _ title: String, genre: String, addedOn: String = "2025-03-01") -> Document {
        Document(id: id, title: title, authors: "Oda, Eiichiro. Auteur", kind: "Livre", year: 2024, summary: "Un résumé.",
                 series: nil, genre: genre, audience: "Ado", subjects: ["Aventure"], isbn: nil, addedOn: Fixtures.day(addedOn))
    }

    static let catalogue = [document(1, "One Piece", genre: "Manga"), document(2, "Maigret", genre: "Roman policier")]
    static let manga = SearchCriteria(SavedSearch(id: 1, name: "Mangas", scope: .catalogue, query: "", createdOn: Fixtures.day("2025-01-01"),
                                                  followed: true, frequency: .daily, active: true, facets: ["genre": ["Manga"]]))
    static let maigret = SearchCriteria(SavedSearch(id: 2, name: "Maigret", scope: .catalogue, query: "maigret",
                                                    createdOn: Fixtures.day("2025-01-01"), followed: true, frequency: .daily, active: true))

    static func digest(_ documents: [Document], _ criteria: SearchCriteria = manga) throws -> [UInt8] {
        try CatalogueSearchDigests(catalogue: Shelf(documents: documents), content: PublicTestSupport.content(events: []))
            .digest(of: criteria)
    }

    @Test func aSearchReadsTheDocumentsItShowsAndNoOther() throws {
        let before = try Self.digest(Self.catalogue)
        // Catalogued that day: a manga enters the search, a novel does not.
        #expect(try Self.digest(Self.catalogue + [Self.document(3, "Naruto", genre: "Manga", addedOn: "2025-03-28")]) != before)
        #expect(try Self.digest(Self.catalogue + [Self.document(3, "Le Chien jaune", genre: "Roman policier", addedOn: "2025-03-28")]) == before)
        // A shown document retitled (which another search does not show), or leaving the search;
        // a document not shown retitled.
        var retitled = Self.catalogue
        retitled[0].title = "One Piece, tome 2"
        #expect(try Self.digest(retitled) != before)
        #expect(try Self.digest(retitled, Self.maigret) == Self.digest(Self.catalogue, Self.maigret))
        retitled[0].genre = "Shōnen"
        #expect(try Self.digest(retitled) != before && Self.digest(retitled) == Self.digest([]))
        retitled = Self.catalogue
        retitled[1].title = "Maigret et le clochard"
        #expect(try Self.digest(retitled) == before)
        // A field the feed shows (the summary), and one it does not (the subjects).
        var summary = Self.catalogue, subjects = Self.catalogue
        summary[0].summary = "Un autre résumé."
        subjects[0].subjects = ["Pirates"]
        #expect(try Self.digest(summary) != before)
        #expect(try Self.digest(subjects) == before)
    }

    /// Beyond the feed's limit, a new match pushes the oldest out: the search shows other documents.
    @Test func aSearchReadsItsNewestMatchesInOrder() throws {
        let many = (0..<Int64(SavedSearchMatcher.catalogueLimit)).map { Self.document(10 + $0, "Tome \($0)", genre: "Manga") }
        let full = try Self.digest(many)
        #expect(try Self.digest(many + [Self.document(99, "Tome neuf", genre: "Manga", addedOn: "2025-03-28")]) != full)
        var older = many
        older[0].addedOn = Fixtures.day("2025-03-02")
        #expect(try Self.digest(older) != full)
    }

    /// Items are digested by their description: every value in them must describe itself the
    /// same way in every process, so no dictionary, set, floating-point number or class.
    @Test func theItemsDescribeThemselvesTheSameWayEveryRun() {
        let item = SavedSearchResolver.item(for: Self.catalogue[0], content: PublicTestSupport.content(events: []))
        expectDeterministicDescription(item, at: "item")
        #expect("\(item)".contains("One Piece") && "\(item)".contains("Un résumé."))
    }
}
