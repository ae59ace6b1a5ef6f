import CSupport
import Foundation
import GRDB
import GRDBSQLite

/// The account database (schema version 1), opened read-only.
///
/// Opening checks the version and every table and column the builder uses;
/// ``contractProblems()`` then scans each table for rows that break the contract.
/// Patrons are read one at a time (``forEachBundle(today:rules:_:)``) so memory
/// does not grow with the size of the network.
public final class AccountDatabase: @unchecked Sendable {
    public static let schemaVersion = 1

    /// SQLite without its memory statistics, before the build's first connection: they lock
    /// one mutex around every allocation, for which the build's threads then queue. Nothing
    /// here reads them. Once SQLite is initialized (a connection was opened) it is too late,
    /// and SQLite keeps them: slower, never wrong.
    private static let sqliteSetUp: Void = { _ = mq_sqlite_without_memory_statistics() }()

    /// Sets SQLite up for the build (see above): first thing in a program, before any
    /// connection; opening an account database does it too.
    public static func prepareSQLite() { sqliteSetUp }

    /// The tables and columns the builder reads, as its statements read them; extra ones are ignored.
    static let requiredColumns = RequiredColumns(readBy: AccountSQL.all)

    /// The path as given, for messages.
    public let file: String
    /// What is opened: `file`, or a build's snapshot of it.
    let path: String
    let queue: DatabaseQueue
    /// The page cache this connection was opened with, given back after a streaming pass.
    let cacheKiB: Int
    /// Every library of the network, by code.
    public private(set) var libraries: [String: Library] = [:]

    /// Opens `path` read-only, checks its schema and reads the libraries.
    /// - Throws: ``InputProblem`` naming the file and what is wrong with it, or ``InputProblems``
    ///   naming every missing table and column. The file is never created or written.
    /// - Parameters:
    ///   - name: what messages call it (a snapshot's database); `path` by default.
    ///   - cacheKiB: SQLite's page cache; the builder's scans read whole tables once each.
    public init(path: String, named name: String? = nil, cacheKiB: Int = 32768) throws {
        _ = Self.sqliteSetUp
        file = name ?? path
        self.path = path
        self.cacheKiB = cacheKiB
        try Self.requireFile(path, named: file)
        var config = Configuration()
        config.readonly = true
        config.label = "accounts"
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -\(cacheKiB)") }
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            try queue.read { db in try checkSchema(db) }
            libraries = try queue.read { db in try loadLibraries(db) }
        } catch let problem as InputProblem {
            throw problem
        } catch let problems as InputProblems {
            throw problems
        } catch {
            throw Self.problem(for: error, file: file)
        }
    }

    /// Throws unless `path` is a file (not a folder).
    static func requireFile(_ path: String, named name: String? = nil) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw InputProblem(file: name ?? path, message: "no such database file")
        }
    }

    /// Runs `body` against the database, turning SQLite errors into problems naming the file.
    /// The connection is opened read-only and each read is query-only.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch let error as DatabaseError {
            throw problem(for: error)
        }
    }

    func problem(for error: any Error) -> InputProblem { Self.problem(for: error, file: file) }

    static func problem(for error: any Error, file: String) -> InputProblem {
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return InputProblem(file: file, message: "not a readable SQLite database (\(error.message ?? "corrupt"))")
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
                return InputProblem(file: file, message: "cannot be opened for reading (\(error.message ?? "denied"))")
            default:
                return InputProblem(file: file, message: "SQLite error: \(error.message ?? "\(error.resultCode)")")
            }
        }
        return InputProblem(file: file, message: "\(error)")
    }

    private func checkSchema(_ db: Database) throws {
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        guard version == Self.schemaVersion else {
            throw InputProblem(file: file, message: "schema version (PRAGMA user_version) is \(version), expected \(Self.schemaVersion)")
        }
        var problems = ProblemCollector()
        for (table, columns) in Self.requiredColumns.tables {
            let present = Set(try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table.rawValue]))
            if present.isEmpty {
                problems.report(InputProblem(file: file, message: "missing table '\(table.rawValue)'"))
                continue
            }
            for column in columns where !present.contains(column) {
                problems.report(InputProblem(file: file, message: "table '\(table.rawValue)' lacks column '\(column)'"))
            }
        }
        try problems.throwIfAny()
    }

    private func loadLibraries(_ db: Database) throws -> [String: Library] {
        var libraries: [String: Library] = [:]
        let statement = try db.makeStatement(sql: AccountSQL.libraries)
        let rows = try Row.fetchCursor(statement)
        while try rows.next() != nil {
            let row = QueryRow<LibraryColumn>(statement.sqliteStatement)
            guard let code = row.text(.code), let name = row.text(.name) else { continue }
            libraries[code] = Library(code: code, name: name, address: row.text(.address), phone: row.text(.phone))
        }
        return libraries
    }

    /// The number of patrons, for progress reports.
    public func patronCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: AccountSQL.patronCount) ?? 0 }
    }

    /// Confirmed registrations per session, for places remaining.
    public func confirmedRegistrations() throws -> [SessionKey: Int] {
        try read { db in
            var counts: [SessionKey: Int] = [:]
            let statement = try db.makeStatement(sql: AccountSQL.confirmedRegistrations)
            let rows = try Row.fetchCursor(statement)
            while try rows.next() != nil {
                let row = QueryRow<ConfirmedColumn>(statement.sqliteStatement)
                guard let event = row.text(.eventID), let session = row.text(.sessionID) else { continue }
                counts[SessionKey(eventID: event, sessionID: session)] = row.int(.count) ?? 0
            }
            return counts
        }
    }
}

/// Identifies a session across the feed and the database.
public struct SessionKey: Hashable, Sendable {
    public var eventID: String
    public var sessionID: String

    public init(eventID: String, sessionID: String) {
        self.eventID = eventID
        self.sessionID = sessionID
    }
}

extension AccountDatabase {
    /// Every document's digest: one scan in id order.
    func documentDigests() throws -> DocumentDigests {
        try read { db in
            let statement = try db.makeStatement(sql: AccountSQL.documentsByID)
            let rows = try Row.fetchCursor(statement)
            var digests = DocumentDigests()
            var bytes: [UInt8] = []
            let row = statement.sqliteStatement
            while try rows.next() != nil {
                bytes.removeAll(keepingCapacity: true)
                RowDigest.encode(row, columns: 0..<sqlite3_column_count(row), into: &bytes)
                let id = DocumentColumn.id.rawValue
                digests.append(id: sqlite3_column_type(row, id) == SQLITE_INTEGER ? sqlite3_column_int64(row, id) : nil, row: bytes)
            }
            digests.finish()
            return digests
        }
    }
}
