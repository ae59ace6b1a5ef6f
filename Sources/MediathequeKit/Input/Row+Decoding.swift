import GRDB
import GRDBSQLite

/// Lenient decoding: GRDB traps on a value of the wrong type, and the inputs are
/// not trusted, so every value is read through its storage.
protocol ColumnValues {
    /// The value at `index`, with its SQLite storage class.
    func storage(_ index: Int) -> DatabaseValue.Storage
}

extension ColumnValues {
    func text(_ index: Int) -> String? {
        switch storage(index) {
        case .string(let s): s
        case .int64(let i): String(i)
        case .double(let d): String(d)
        case .blob(let data): String(decoding: data, as: UTF8.self)
        case .null: nil
        }
    }

    func int(_ index: Int) -> Int? {
        switch storage(index) {
        case .int64(let i): Int(i)
        case .string(let s): Int(s)
        case .double(let d): d == d.rounded() && abs(d) < 1e15 ? Int(d) : nil
        default: nil
        }
    }

    func int64(_ index: Int) -> Int64? { int(index).map(Int64.init) }

    func day(_ index: Int) -> Day? { text(index).flatMap { Day(iso: $0) } }

    func timestamp(_ index: Int) -> LocalDateTime? { text(index).flatMap { LocalDateTime(iso: $0) } }
}

extension Row: ColumnValues {
    func storage(_ index: Int) -> DatabaseValue.Storage { (self[index] as DatabaseValue).storage }
}

/// The row a statement stands on, read as GRDB reads it (`DatabaseValue(sqliteStatement:index:)`)
/// but without its generic decoding: the patrons' rows are most of what a build decodes.
struct StatementColumns: ColumnValues {
    let statement: SQLiteStatement

    init(_ statement: SQLiteStatement) { self.statement = statement }

    func storage(_ index: Int) -> DatabaseValue.Storage { DatabaseValue(sqliteStatement: statement, index: CInt(index)).storage }
}
