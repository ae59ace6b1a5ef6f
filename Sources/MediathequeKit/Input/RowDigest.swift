@preconcurrency import Crypto
import GRDB
import GRDBSQLite

/// A digest of the rows one patron folder is read from, taken from SQLite's own
/// column bytes as the rows go by: deciding that a folder did not change then
/// costs no decoding at all. A row that shows a document is digested with the
/// document's own digest, so that a rebuild need not join the documents.
///
/// Each row is hashed with its table's tag and each value with its type and length,
/// so two different sets of rows cannot run together.
struct RowDigest {
    private var hash = SHA256()
    private var pending: [UInt8] = []
    /// The rows of the tables the summary reads (``Table/isReadBySummary``), digested apart.
    private var summaryHash = SHA256()
    private var summaryPending: [UInt8] = []
    /// Whether the folder's pages also read the agenda (agenda searches).
    private(set) var readsAgenda = false
    /// The criteria of its active catalogue searches, in reading order: its pages read what they show.
    private(set) var catalogueSearches: [SearchCriteria] = []
    /// The sessions its registrations are for, in reading order: its pages read those of the agenda.
    private(set) var registeredSessions: [SessionKey] = []

    init() {
        pending.reserveCapacity(Self.block + 1024)
        summaryPending.reserveCapacity(Self.block + 1024)
    }

    private static let block = 16 * 1024

    /// The tables, as tags.
    enum Table: UInt8 {
        case patron = 1, loan, history, hold, registration, review, shelf, shelfEntry, search, facet
        case sharedMember, sharedPatron, sharedLoan, sharedHold, sharedRegistration
        case document, item

        /// Whether "Synthèse de mes comptes" (``PrivateFolderLayout/summaryFiles``) shows the
        /// table's rows: the accounts, their loans, holds and registrations; not the history,
        /// reviews, shelves or searches.
        var isReadBySummary: Bool {
            switch self {
            case .patron, .loan, .hold, .registration, .sharedMember, .sharedPatron, .sharedLoan, .sharedHold,
                 .sharedRegistration: true
            case .history, .review, .shelf, .shelfEntry, .search, .facet, .document, .item: false
            }
        }
    }

    /// Adds the row `statement` stands on. When the row shows a document, `document` says
    /// where its id is: the document's own digest (``DocumentDigests``) stands for it and the
    /// columns after it, which are the document's (and need not be read at all).
    mutating func add(_ table: Table, _ statement: SQLiteStatement, document: (column: Int32, digests: DocumentDigests)? = nil) {
        let start = pending.count
        pending.append(0xFF)
        pending.append(table.rawValue)
        let end = document?.column ?? sqlite3_column_count(statement)
        Self.encode(statement, columns: 0..<end, into: &pending)
        if let (column, digests) = document {
            if let digest = digests.digest(ofColumn: column, in: statement) {
                pending.append(Self.documentTag)
                withUnsafeBytes(of: digest) { pending.append(contentsOf: $0) }
            } else {
                // An unknown document (which the contract checks refuse): its id as it is.
                Self.encode(statement, columns: column..<column + 1, into: &pending)
            }
        }
        added(table, from: start)
    }

    /// Copies what was just added to `pending` from `start` for the summary, when it reads
    /// `table`, and hashes what is pending once it fills a block.
    private mutating func added(_ table: Table, from start: Int) {
        if table.isReadBySummary {
            summaryPending.append(contentsOf: pending[start...])
            if summaryPending.count >= Self.block {
                summaryHash.update(data: summaryPending)
                summaryPending.removeAll(keepingCapacity: true)
            }
        }
        if pending.count >= Self.block {
            hash.update(data: pending)
            pending.removeAll(keepingCapacity: true)
        }
    }

    /// Not a type of SQLite's: a document's digest follows.
    private static let documentTag: UInt8 = 0xFD

    /// Appends the values of `columns`, each with its type and, for texts and blobs, its length.
    static func encode(_ statement: SQLiteStatement, columns: Range<Int32>, into bytes: inout [UInt8]) {
        for column in columns {
            let type = sqlite3_column_type(statement, column)
            switch type {
            case SQLITE_INTEGER: append(UInt8(type), integer: sqlite3_column_int64(statement, column), to: &bytes)
            case SQLITE_FLOAT: append(UInt8(type), integer: Int64(bitPattern: sqlite3_column_double(statement, column).bitPattern), to: &bytes)
            case SQLITE_NULL: bytes.append(UInt8(type))
            default:
                // Text or blob: the bytes as stored (sqlite3_column_blob does not convert text).
                let start = sqlite3_column_blob(statement, column)
                let count = Int(sqlite3_column_bytes(statement, column))
                append(UInt8(type), integer: Int64(count), to: &bytes)
                if let start, count > 0 { bytes.append(contentsOf: UnsafeRawBufferPointer(start: start, count: count)) }
            }
        }
    }

    /// Notes the session a registration is for (its row is added apart).
    mutating func noteRegistration(_ row: QueryRow<RegistrationColumn>) {
        registeredSessions.append(SessionKey(eventID: row.text(.eventID) ?? "", sessionID: row.text(.sessionID) ?? ""))
    }

    /// Notes a saved search's feed, once its facets are read (its row is added apart): an
    /// active search reads the agenda, or what it shows of the catalogue.
    mutating func noteSearch(_ search: SavedSearch) {
        guard search.active else { return }
        switch search.scope {
        case .agenda: readsAgenda = true
        case .catalogue: catalogueSearches.append(SearchCriteria(search))
        }
    }

    /// Adds a text that is not a row (a shared account's card number).
    mutating func add(_ table: Table, text: String) {
        let start = pending.count
        pending.append(0xFF)
        pending.append(table.rawValue)
        var text = text
        text.withUTF8 { bytes in
            Self.append(UInt8(SQLITE_TEXT), integer: Int64(bytes.count), to: &pending)
            pending.append(contentsOf: bytes)
        }
        added(table, from: start)
    }

    private static func append(_ tag: UInt8, integer: Int64, to bytes: inout [UInt8]) {
        bytes.append(tag)
        withUnsafeBytes(of: integer.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// The digest of every row.
    func finalize() -> [UInt8] {
        var hash = hash
        hash.update(data: pending)
        return Array(hash.finalize())
    }

    /// The digest of the rows the summary reads.
    func finalizeSummary() -> [UInt8] {
        var hash = summaryHash
        hash.update(data: summaryPending)
        return Array(hash.finalize())
    }
}
