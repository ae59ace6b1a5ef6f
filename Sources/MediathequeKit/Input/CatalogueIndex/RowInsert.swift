import GRDB
import GRDBSQLite

/// One row of a bulk insert, bound and run straight through SQLite: GRDB's statement
/// arguments would box each of a hundred thousand rows' values first. Values are bound
/// as GRDB binds them (``DatabaseValueConvertible/bind(to:at:)``), texts from their UTF-8.
struct RowInsert {
    let statement: Statement
    private var index: CInt = 0
    /// The first binding that failed (SQLite's code), if any.
    private var failure = SQLITE_OK

    init(_ statement: Statement) { self.statement = statement }

    mutating func bind<Value: DatabaseValueConvertible>(_ value: Value?) {
        index += 1
        let code = if let value { value.bind(to: statement.sqliteStatement, at: index) } else { sqlite3_bind_null(statement.sqliteStatement, index) }
        record(code)
    }

    /// A text, bound from its own UTF-8 (GRDB first copies it into a C string). The same
    /// bytes: decoded texts hold no NUL, where GRDB's binding would stop.
    mutating func bind(_ value: String?) {
        index += 1
        guard var value else { return record(sqlite3_bind_null(statement.sqliteStatement, index)) }
        record(value.withUTF8 { bytes in
            bytes.isEmpty ? sqlite3_bind_text(statement.sqliteStatement, index, "", 0, Self.transient)
                          : sqlite3_bind_text(statement.sqliteStatement, index, bytes.baseAddress, CInt(bytes.count), Self.transient)
        })
    }

    /// SQLite copies the bytes before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private mutating func record(_ code: CInt) {
        if failure == SQLITE_OK { failure = code }
    }

    func run(_ db: Database) throws {
        var code = failure
        if code == SQLITE_OK {
            code = sqlite3_step(statement.sqliteStatement)
            sqlite3_reset(statement.sqliteStatement)
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }
}
