/// The statements run on the account database besides the per-patron queries
/// (``AccountQuery``), and the list of all: the contract's required columns are read
/// from it (``AccountDatabase/requiredColumns``). A new statement goes in the list.
enum AccountSQL {
    /// Every statement the builder runs on the database, but the contract's checks of its rows.
    static let all: [String] = (AccountTable.allCases.map(\.query) + [.cards]).flatMap(\.statements) + [
        libraries, confirmedRegistrations, patronCount, cardAtPlace, cardsBefore, shareMembers,
        documentsByID, documentsByAge, itemLibraries, activeCatalogueSearch,
    ] + alerts

    static let libraries = "SELECT \(LibraryColumn.selectList) FROM library"
    static let confirmedRegistrations = """
        SELECT \(ConfirmedColumn.selectList) FROM event_registration
        WHERE status = 'confirmed' GROUP BY event_id, session_id
        """
    static let patronCount = "SELECT count(*) FROM patron"
    /// The card at a place of the card order, given as the argument (from 0).
    static let cardAtPlace = "SELECT card_number FROM patron ORDER BY card_number LIMIT 1 OFFSET ?"
    static let cardsBefore = "SELECT count(*) FROM patron WHERE card_number < ?"
    /// The cards whose accounts are shared with the holder given as the argument.
    static let shareMembers = "SELECT member_card FROM account_share WHERE holder_card = ? ORDER BY member_card"
    static let documentsByID = "SELECT \(DocumentColumn.selectList) FROM document d ORDER BY d.id"
    /// Oldest `added_on` first, then by id: the contract's index document_added gives this order without sorting.
    static let documentsByAge = "SELECT \(DocumentColumn.selectList) FROM document d ORDER BY d.added_on, d.id"
    static let itemLibraries = "SELECT \(ItemLibraryColumn.selectList) FROM item"
    static let activeCatalogueSearch = "SELECT 1 FROM saved_search WHERE scope = 'catalogue' AND active = 1 LIMIT 1"
}

enum LibraryColumn: Int32, QueryColumn {
    case code, name, address, phone

    var sql: String {
        switch self {
        case .code: "code"
        case .name: "name"
        case .address: "address"
        case .phone: "phone"
        }
    }
}

/// The confirmed registrations of each session.
enum ConfirmedColumn: Int32, QueryColumn {
    case eventID, sessionID, count

    var sql: String {
        switch self {
        case .eventID: "event_id"
        case .sessionID: "session_id"
        case .count: "count(*)"
        }
    }
}

/// An item's document and library.
enum ItemLibraryColumn: Int32, QueryColumn {
    case document, library

    var sql: String {
        switch self {
        case .document: "document_id"
        case .library: "library"
        }
    }
}
