import GRDB
import GRDBSQLite

/// The columns one query selects, in order: a case's raw value is its place in the row and
/// ``sql`` the expression that reads it. The query's SQL is built from them
/// (``selectList``), its rows are read by them (``QueryRow``), and the contract's required
/// columns are read from that SQL (``RequiredColumns``): one declaration for the three.
///
/// ```swift
/// enum LibraryColumn: Int32, QueryColumn {
///     case code, name
///     var sql: String { switch self { case .code: "code"; case .name: "name" } }
/// }
/// let name = QueryRow<LibraryColumn>(statement).text(.name)
/// ```
protocol QueryColumn: RawRepresentable<Int32>, CaseIterable, Sendable where AllCases == [Self] {
    /// The expression that reads the column (`l.due_on`).
    var sql: String { get }
}

extension QueryColumn {
    /// The columns' expressions, in order.
    static var expressions: [String] {
        precondition(allCases.map(\.rawValue) == Array(0..<Int32(allCases.count)), "\(Self.self): cases are their places, from 0")
        return allCases.map(\.sql)
    }

    /// The columns' expressions as a `SELECT` lists them.
    static var selectList: String { expressions.joined(separator: ", ") }
}

/// The row a statement stands on, read by the names of its query's columns (`row.day(.dueOn)`),
/// each value through its storage (``ColumnValues``): no dictionary, no lookup, a place each.
struct QueryRow<Column: QueryColumn> {
    private let values: StatementColumns
    /// Where `Column`'s first column is in the statement's row.
    private let offset: Int32

    init(_ values: StatementColumns) { self.init(values, offset: 0) }

    init(_ statement: SQLiteStatement) { self.init(StatementColumns(statement)) }

    private init(_ values: StatementColumns, offset: Int32) {
        self.values = values
        self.offset = offset
    }

    /// The columns from `column` on, read by the names of another query's: the document's
    /// columns, which a query selects in place of its document's id (``AccountQuery``).
    func columns<Other: QueryColumn>(from column: Column) -> QueryRow<Other> {
        QueryRow<Other>(values, offset: offset + column.rawValue)
    }

    private func place(_ column: Column) -> Int { Int(offset + column.rawValue) }

    func text(_ column: Column) -> String? { values.text(place(column)) }
    func int(_ column: Column) -> Int? { values.int(place(column)) }
    func int64(_ column: Column) -> Int64? { values.int64(place(column)) }
    func day(_ column: Column) -> Day? { values.day(place(column)) }
    func timestamp(_ column: Column) -> LocalDateTime? { values.timestamp(place(column)) }
}
