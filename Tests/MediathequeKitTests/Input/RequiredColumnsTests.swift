import CSupport
import Foundation
import GRDB
import GRDBSQLite
import Testing
@testable import MediathequeKit

/// The contract's required columns are read from the builder's statements (``RequiredColumns``):
/// these tests ask SQLite itself what each statement reads.
struct RequiredColumnsTests {
    /// What SQLite's authorizer reports each statement reads of the contract's tables' declared
    /// columns (not a `count(*)`'s table alone, nor the rowid), each statement prepared on the
    /// contract's schema.
    static func columnsSQLiteReads(_ statements: [String]) throws -> [Set<String>] {
        var connection: OpaquePointer?
        guard sqlite3_open_v2(":memory:", &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            throw InputProblem(file: ":memory:", message: "cannot open")
        }
        defer { sqlite3_close(connection) }
        #expect(sqlite3_exec(connection, AccountSchema.sql, nil, nil, nil) == SQLITE_OK)
        #expect(mq_register_contract_functions(UnsafeMutableRawPointer(connection)) == 0)
        final class Reads { var columns = Set<String>() }
        let reads = Reads()
        sqlite3_set_authorizer(connection, { context, action, table, column, _, _ in
            if action == SQLITE_READ, let table, let column, ContractTable(rawValue: String(cString: table)) != nil,
               case let name = String(cString: column), !name.isEmpty, name != "ROWID" {
                Unmanaged<Reads>.fromOpaque(context!).takeUnretainedValue().columns.insert("\(String(cString: table)).\(name)")
            }
            return SQLITE_OK
        }, Unmanaged.passUnretained(reads).toOpaque())
        return try statements.map { sql in
            reads.columns = []
            var statement: OpaquePointer?
            defer { sqlite3_finalize(statement) }
            guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK else {
                throw InputProblem(file: ":memory:", message: "\(String(cString: sqlite3_errmsg(connection))): \(sql)")
            }
            return reads.columns
        }
    }

    static var required: Set<String> {
        Set(AccountDatabase.requiredColumns.tables.flatMap { table in table.columns.map { "\(table.table.rawValue).\($0)" } })
    }

    /// Each statement, in every form the builder runs it, reads what ``RequiredColumns`` finds in
    /// its SQL, and the required columns are exactly what the statements read.
    @Test func theRequiredColumnsAreExactlyThoseTheStatementsRead() throws {
        let ranges = [CardRange(), CardRange(from: "1", before: "2")]
        let passes = AccountTable.allCases.flatMap { table in
            ranges.flatMap { range in [false, true].map { table.query.forCards(range, documents: $0) } }
        }
        let statements = AccountSQL.all + passes
        let sqlite = try Self.columnsSQLiteReads(statements)
        for (sql, read) in zip(statements, sqlite) {
            #expect(Set(RequiredColumns.columns(readBy: sql).map { "\($0.0.rawValue).\($0.1)" }) == read, "\(sql)")
        }
        #expect(Self.required == sqlite.reduce(into: Set()) { $0.formUnion($1) })
    }

    /// What the database runs, traced through a whole network's reads and checks, reads only
    /// required columns: no statement was left out of ``AccountSQL/all``.
    @Test func everyStatementRunReadsRequiredColumnsOnly() throws {
        let today = Fixtures.day("2025-03-28")
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: today).materialize(into: dir.url)
        let db = try AccountDatabase(path: demo.database)
        let holder = try #require(try db.queue.read { try String.fetchOne($0, sql: "SELECT holder_card FROM account_share") })
        final class Traced: @unchecked Sendable { var statements = Set<String>() }
        let traced = Traced()
        db.queue.inDatabase { connection in
            connection.trace { event in
                if case .statement(let statement) = event, statement.sql.hasPrefix("SELECT") { traced.statements.insert(statement.sql) }
            }
        }
        _ = try db.contractProblems()
        let documents = try db.documentDigests()
        for decoding in [AccountDatabase.Decoding.all, .none, .only([holder])] {
            try db.forEachPatron(today: today, rules: Rules(), decoding: decoding, documents: documents) { _ in }
        }
        _ = try db.read(card: holder, today: today, rules: Rules(), documents: documents)
        _ = try db.middleCard()
        _ = try db.patronCount()
        _ = try db.confirmedRegistrations()
        _ = try db.hasActiveCatalogueSearch()
        _ = try CatalogueIndex(source: db)
        #expect(traced.statements.count > 40)
        let read = try Self.columnsSQLiteReads(Array(traced.statements)).reduce(into: Set()) { $0.formUnion($1) }
        #expect(read.subtracting(Self.required).isEmpty, "\(read.subtracting(Self.required).sorted())")
    }

    /// Every table of the contract is read, and every table of a patron's account maps to a
    /// query and a digest tag of its own.
    @Test func everyTableOfTheContractMapsToAQuery() throws {
        let queue = try DatabaseQueue()
        let schema = try queue.write { db in
            try db.execute(sql: AccountSchema.sql)
            return try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        #expect(Set(schema) == Set(ContractTable.allCases.map(\.rawValue)))
        #expect(AccountDatabase.requiredColumns.tables.map(\.table) == ContractTable.allCases)
        #expect(AccountDatabase.requiredColumns.tables.allSatisfy { !$0.columns.isEmpty })
        let queries = AccountTable.allCases.map { $0.query.forOneCard(documents: true) }
        #expect(Set(queries).count == AccountTable.allCases.count)
        #expect(Set(AccountTable.allCases.map(\.digestTag)).count == AccountTable.allCases.count)
    }
}
