import GRDB
import Testing
@testable import MediathequeKit

struct FolderFingerprintTests {
    /// The digest of each row `sql` returns, in order.
    func digests(_ sql: String, table: RowDigest.Table = .loan) throws -> [[UInt8]] {
        let queue = try DatabaseQueue()
        return try queue.read { db in
            let statement = try db.makeStatement(sql: sql)
            let rows = try Row.fetchCursor(statement)
            var out: [[UInt8]] = []
            while try rows.next() != nil {
                var digest = RowDigest()
                digest.add(table, statement.sqliteStatement)
                out.append(digest.finalize())
            }
            return out
        }
    }

    @Test func neighbouringValuesCannotRunTogether() throws {
        let d = try digests("SELECT 'ab', 'c' UNION ALL SELECT 'a', 'bc' UNION ALL SELECT 'abc', NULL UNION ALL SELECT 'abc', ''")
        #expect(Set(d).count == 4)
    }

    @Test func typesAndTablesCount() throws {
        let d = try digests("SELECT 1 UNION ALL SELECT '1' UNION ALL SELECT 1.0 UNION ALL SELECT x'31'")
        #expect(Set(d).count == 4)
        #expect(try digests("SELECT 'x'", table: .loan) != digests("SELECT 'x'", table: .history))
    }

    @Test func equalRowsGiveEqualDigests() throws {
        let d = try digests("SELECT 'Le Petit Prince', 42, NULL, 2.5 UNION ALL SELECT 'Le Petit Prince', 42, NULL, 2.5")
        #expect(d.count == 2 && d[0] == d[1])
    }

    @Test func agendaAndCatalogueAreReadOnlyByFoldersThatShowThem() throws {
        let queue = try DatabaseQueue()
        try queue.read { db in
            let statement = try db.makeStatement(sql: "SELECT 1")
            _ = try Row.fetchCursor(statement).next()
            var loans = RowDigest()
            loans.add(.loan, statement.sqliteStatement)
            #expect(!loans.readsAgenda && loans.catalogueSearches.isEmpty)
            // A registration reads its own session of the agenda, not all of it.
            let registration = try db.makeStatement(sql: "SELECT 'c', 1, 'c', 'e1', 's1', 'confirmed', '2025-02-21T10:00:00'")
            // The cursor keeps the statement on its row (a cursor let go resets it).
            let cursor = try Row.fetchCursor(registration)
            _ = try cursor.next()
            var registrations = RowDigest()
            registrations.add(.sharedRegistration, registration.sqliteStatement)
            registrations.noteRegistration(QueryRow(registration.sqliteStatement))
            withExtendedLifetime(cursor) {}
            #expect(!registrations.readsAgenda && registrations.catalogueSearches.isEmpty)
            #expect(registrations.registeredSessions == [SessionKey(eventID: "e1", sessionID: "s1")])
            func search(_ scope: SavedSearch.Scope, active: Bool, query: String = "", facets: [String: [String]] = [:]) -> SavedSearch {
                SavedSearch(id: 1, name: "s", scope: scope, query: query, createdOn: Fixtures.day("2025-01-01"),
                            followed: false, frequency: .daily, active: active, facets: facets)
            }
            var searches = RowDigest()
            searches.add(.search, statement.sqliteStatement)
            #expect(!searches.readsAgenda && searches.catalogueSearches.isEmpty)
            searches.noteSearch(search(.catalogue, active: false))
            #expect(!searches.readsAgenda && searches.catalogueSearches.isEmpty) // switched off: no feed
            // A catalogue search reads what its criteria show, not the whole catalogue.
            let manga = search(.catalogue, active: true, query: "Fée", facets: ["genre": ["Manga"]])
            searches.noteSearch(manga)
            #expect(!searches.readsAgenda && searches.catalogueSearches == [SearchCriteria(manga)])
            var agenda = RowDigest()
            agenda.noteSearch(search(.agenda, active: true))
            #expect(agenda.readsAgenda && agenda.catalogueSearches.isEmpty)
        }
    }
}

struct FolderBytesTests {
    @Test func filesSwappingContentsChangeTheDigest() throws {
        let dir = try TemporaryDirectory()
        _ = try dir.write("a.mustache", "x")
        _ = try dir.write("b.mustache", "y")
        let before = FolderFingerprint.digest(FolderFingerprint.folderBytes(dir.url))
        _ = try dir.write("a.mustache", "y")
        _ = try dir.write("b.mustache", "x")
        #expect(FolderFingerprint.digest(FolderFingerprint.folderBytes(dir.url)) != before)
    }
}
