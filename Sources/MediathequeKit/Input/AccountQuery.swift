import GRDB

/// One per-patron query of the account database, in two forms: for one card
/// (random access, for shared accounts and one-off reads) and for every card in
/// card order (one pass, merged with the patron cursor). Column 0 is always the
/// patron's card number; decoders read from column 1.
struct AccountQuery {
    /// `SELECT <card>, ... FROM ... JOIN ...`, without WHERE or ORDER BY.
    var select: String
    /// The card number expression (`l.patron_card`).
    var card: String
    /// Extra conditions, with `?` placeholders for `arguments`.
    var filter: String?
    /// Order within one patron.
    var order: String

    var forOneCard: String {
        "\(select) WHERE \(card) = ?" + (filter.map { " AND (\($0))" } ?? "") + " ORDER BY \(order)"
    }

    /// Every card of `range`, in card order; the range's bounds come after the filter's arguments.
    func forCards(_ range: CardRange) -> String {
        let conditions = [filter.map { "(\($0))" }, range.from.map { _ in "\(card) >= ?" }, range.before.map { _ in "\(card) < ?" }]
            .compactMap { $0 }
        return select + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")) + " ORDER BY \(card), \(order)"
    }
}

/// A slice of the patrons in card order: cards from `from` (included) to `before` (excluded);
/// `nil` bounds are open.
struct CardRange: Sendable {
    var from: String?
    var before: String?

    var arguments: [any DatabaseValueConvertible] { [from, before].compactMap { $0 } }
}

/// The rows of an ``AccountQuery`` over every card, consumed patron by patron.
final class AccountRowStream {
    private let statement: Statement
    private let cursor: RowCursor
    /// The card of a later patron's first row: the cursor stands on that row until it is consumed.
    private var pending: String?
    private var exhausted = false

    init(_ db: Database, _ query: AccountQuery, arguments: [any DatabaseValueConvertible] = [], range: CardRange = CardRange()) throws {
        statement = try db.makeStatement(sql: query.forCards(range))
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
            // Read through its storage class, never converted: the row's bytes are hashed after.
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
