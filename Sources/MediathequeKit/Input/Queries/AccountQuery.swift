import GRDB

/// One per-patron query of the account database, in two forms: for one card
/// (random access, for shared accounts and one-off reads) and for every card in
/// card order (one pass, merged with the patron cursor). Its columns are a
/// ``QueryColumn`` type whose first column is the patron's card number.
///
/// A query whose rows show a document ends with the document's id: it reads the
/// document in full when decoding, its columns (``DocumentColumn``) standing in the
/// id's place, and only the id otherwise (its digest stands for it: ``DocumentDigests``).
struct AccountQuery: Sendable {
    /// The columns' expressions, the card's first.
    let columns: [String]
    /// `FROM` and its joins, without the document's.
    let from: String
    /// The join that reads the document's columns, when the rows show a document.
    let documentJoin: String?
    /// Where the document's id is (the last column); its columns start there when they are read.
    let documentColumn: Int32?
    /// The card number expression (`l.patron_card`).
    let card: String
    /// Extra conditions, with `?` placeholders for `arguments`.
    let filter: String?
    /// Order within one patron.
    let order: String
    /// ``forOneCard(documents:)``, made once: a shared account is read with it.
    private var oneCard: (ids: String, documents: String) = ("", "")

    /// - Parameters:
    ///   - card: the column of the card number, the first.
    ///   - document: the column of the document's id, the last, and the join that reads the document.
    init<Column: QueryColumn>(_: Column.Type, card: Column, from: String, document: (id: Column, join: String)? = nil,
                              filter: String? = nil, order: String) {
        precondition(card.rawValue == 0, "\(Column.self): the card is the first column")
        precondition(document.map { $0.id.rawValue == Int32(Column.allCases.count) - 1 } ?? true, "\(Column.self): the document's id is the last column")
        columns = Column.expressions
        self.from = from
        documentJoin = document?.join
        documentColumn = document?.id.rawValue
        self.card = card.sql
        self.filter = filter
        self.order = order
        oneCard = (makeOneCard(documents: false), makeOneCard(documents: true))
    }

    /// `SELECT … FROM …`, with the document's columns or with its id only.
    func select(documents: Bool) -> String {
        guard let documentJoin, documents else { return "SELECT \(columns.joined(separator: ", ")) \(from)" }
        return "SELECT \(columns.dropLast().joined(separator: ", ")), \(DocumentColumn.selectList) \(from) \(documentJoin)"
    }

    func forOneCard(documents: Bool) -> String { documents ? oneCard.documents : oneCard.ids }

    private func makeOneCard(documents: Bool) -> String {
        "\(select(documents: documents)) WHERE \(card) = ?" + (filter.map { " AND (\($0))" } ?? "") + " ORDER BY \(order)"
    }

    /// Every card of `range`, in card order; the range's bounds come after the filter's arguments.
    func forCards(_ range: CardRange, documents: Bool) -> String {
        let conditions = [filter.map { "(\($0))" }, range.from.map { _ in "\(card) >= ?" }, range.before.map { _ in "\(card) < ?" }]
            .compactMap { $0 }
        return select(documents: documents) + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
            + " ORDER BY \(card), \(order)"
    }

    /// Both forms for one card, which between them read every column the query reads.
    var statements: [String] { [oneCard.ids, oneCard.documents] }
}

/// A slice of the patrons in card order: cards from `from` (included) to `before` (excluded);
/// `nil` bounds are open.
struct CardRange: Sendable {
    var from: String?
    var before: String?

    var arguments: [any DatabaseValueConvertible] { [from, before].compactMap { $0 } }
}
