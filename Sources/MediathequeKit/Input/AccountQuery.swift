import GRDB

/// One per-patron query of the account database, in two forms: for one card
/// (random access, for shared accounts and one-off reads) and for every card in
/// card order (one pass, merged with the patron cursor). Column 0 is always the
/// patron's card number; decoders read from column 1.
///
/// A query whose rows show a document reads it in full when decoding, and only its
/// id otherwise (its digest stands for it: ``DocumentDigests``). Both forms have the
/// same columns up to the id, which ``documentColumn`` says where to find.
struct AccountQuery {
    /// The columns before the document's, the card's first.
    var columns: [String]
    /// `FROM` and its joins, without the document's.
    var from: String
    /// The document the rows show: the expression of its id, and the join that reads its columns.
    var document: (id: String, join: String)?
    /// The card number expression (`l.patron_card`).
    var card: String
    /// Extra conditions, with `?` placeholders for `arguments`.
    var filter: String?
    /// Order within one patron.
    var order: String

    /// Where the document's id is; its columns follow it when they are read.
    var documentColumn: Int32? { document.map { _ in Int32(columns.count) } }

    /// `SELECT … FROM …`, with the document's columns or with its id only.
    func select(documents: Bool) -> String {
        let own = columns.joined(separator: ", ")
        guard let document else { return "SELECT \(own) \(from)" }
        return documents ? "SELECT \(own), \(AccountDatabase.documentColumns) \(from) \(document.join)"
                         : "SELECT \(own), \(document.id) \(from)"
    }

    func forOneCard(documents: Bool) -> String {
        "\(select(documents: documents)) WHERE \(card) = ?" + (filter.map { " AND (\($0))" } ?? "") + " ORDER BY \(order)"
    }

    /// Every card of `range`, in card order; the range's bounds come after the filter's arguments.
    func forCards(_ range: CardRange, documents: Bool) -> String {
        let conditions = [filter.map { "(\($0))" }, range.from.map { _ in "\(card) >= ?" }, range.before.map { _ in "\(card) < ?" }]
            .compactMap { $0 }
        return select(documents: documents) + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
            + " ORDER BY \(card), \(order)"
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
