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
            #expect(!loans.readsAgenda && !loans.readsCatalogue)
            // A registration reads its own session of the agenda, not all of it.
            let registration = try db.makeStatement(sql: "SELECT 'c', 1, 'c', 'e1', 's1', 'confirmed', '2025-02-21T10:00:00'")
            // The cursor keeps the statement on its row (a cursor let go resets it).
            let cursor = try Row.fetchCursor(registration)
            _ = try cursor.next()
            var registrations = RowDigest()
            registrations.add(.sharedRegistration, registration.sqliteStatement)
            registrations.noteRegistration(QueryRow(registration.sqliteStatement))
            withExtendedLifetime(cursor) {}
            #expect(!registrations.readsAgenda && !registrations.readsCatalogue)
            #expect(registrations.registeredSessions == [SessionKey(eventID: "e1", sessionID: "s1")])
            var searches = RowDigest()
            searches.add(.search, statement.sqliteStatement)
            #expect(!searches.readsAgenda && !searches.readsCatalogue)
            searches.noteSearch(scope: "catalogue", active: false)
            #expect(!searches.readsAgenda && !searches.readsCatalogue) // switched off: no feed
            searches.noteSearch(scope: "catalogue", active: true)
            #expect(!searches.readsAgenda && searches.readsCatalogue)
            var agenda = RowDigest()
            agenda.noteSearch(scope: "agenda", active: true)
            #expect(agenda.readsAgenda && !agenda.readsCatalogue)
            var unknown = RowDigest()
            unknown.noteSearch(scope: "x", active: true)
            #expect(unknown.readsAgenda && unknown.readsCatalogue)
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
