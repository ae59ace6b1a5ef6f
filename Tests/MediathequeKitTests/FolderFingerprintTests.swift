import Testing
@testable import MediathequeKit

struct FolderFingerprintTests {
    func search(_ facets: [(String, [String])]) -> SavedSearch {
        var search = SavedSearch(id: 1, name: "Mangas", scope: .catalogue, query: "", createdOn: Day(iso: "2024-12-20")!,
                                 followed: true, frequency: .daily, active: true)
        for (key, values) in facets { search.facets[key] = values }
        return search
    }

    @Test func theDigestIgnoresDictionaryOrderButNotContent() throws {
        let a = try DigestEncoder.digest(of: search([("genre", ["Manga"]), ("audience", ["Ado", "Adulte"]), ("kind", ["Livre"])]))
        let b = try DigestEncoder.digest(of: search([("kind", ["Livre"]), ("audience", ["Ado", "Adulte"]), ("genre", ["Manga"])]))
        let c = try DigestEncoder.digest(of: search([("kind", ["Livre"]), ("audience", ["Ado"]), ("genre", ["Manga"])]))
        #expect(a == b)
        #expect(a != c)
    }

    @Test func neighbouringFieldsCannotRunTogether() throws {
        let ab = Patron(cardNumber: "24200001234567", pseudo: "x", firstName: "ab", lastName: "c", membershipExpires: Day(ordinal: 0))
        var abc = ab
        abc.firstName = "a"
        abc.lastName = "bc"
        #expect(try DigestEncoder.digest(of: ab) != DigestEncoder.digest(of: abc))
    }
}
