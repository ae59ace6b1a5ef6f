import GRDB

/// The rows of an ``AccountQuery`` over every card, consumed patron by patron.
final class AccountRowStream {
    private let statement: Statement
    private let cursor: RowCursor
    /// The card of a later patron's first row: the cursor stands on that row until it is consumed.
    private var pending: String?
    private var exhausted = false

    init(_ db: Database, _ query: AccountQuery, documents: Bool, arguments: [any DatabaseValueConvertible] = [],
         range: CardRange = CardRange()) throws {
        statement = try db.makeStatement(sql: query.forCards(range, documents: documents))
        cursor = try Row.fetchCursor(statement, arguments: StatementArguments(arguments + range.arguments))
    }

    /// Calls `body` with each row of `card`, read from the statement standing on it,
    /// skipping rows of cards before it (rows of unknown patrons, which the contract checks report).
    func rows(of card: String, _ body: (StatementColumns) throws -> Void) throws {
        let row = StatementColumns(statement.sqliteStatement)
        if let key = pending {
            if key > card { return }
            pending = nil
            if key == card { try body(row) }
        }
        while !exhausted, try cursor.next() != nil {
            // The card, the first column (``AccountQuery``), read through its storage class, never
            // converted: the row's bytes are hashed after.
            let key = row.text(0) ?? ""
            if key < card { continue }
            if key > card {
                pending = key
                return
            }
            try body(row)
        }
        exhausted = true
    }
}
