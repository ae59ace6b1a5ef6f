import CSupport
import GRDB

/// Reading accounts: one pass over each table in card order for the whole
/// network, random access for shared accounts and one-off reads. Both forms
/// share the queries and decoders, so they cannot disagree.
extension AccountDatabase {
    /// Calls `body` with each patron's bundle (own account and shared accounts), in card order.
    /// Each table is read once, in card order, alongside the patrons: only one bundle is in
    /// memory at a time, and the only per-patron queries find and read the accounts shared.
    public func forEachBundle(today: Day, rules: Rules, _ body: (PatronBundle) throws -> Void) throws {
        // Its digests are not used: documents go undigested.
        try forEachPatron(today: today, rules: rules, decoding: .all, documents: DocumentDigests()) { read in
            if let bundle = read.bundle { try body(bundle) }
        }
    }

    /// One patron as read: the digest of every row its folder is made from and, when
    /// `decoding` asked for it, its bundle.
    struct PatronRead {
        var card: String
        /// `feed_key_version`, read as the decoder reads it: the folder's token needs it.
        var keyVersion: Int
        var rows: RowDigest
        var bundle: PatronBundle?
    }

    /// Which patrons a pass decodes; the others are only digested.
    enum Decoding {
        case none, all
        case only(Set<String>)

        func contains(_ card: String) -> Bool {
            switch self {
            case .none: false
            case .all: true
            case .only(let cards): cards.contains(card)
            }
        }

        /// Whether the pass reads the documents' columns, or only their ids.
        var readsDocuments: Bool { if case .none = self { false } else { true } }
    }

    /// Reads every patron in card order, digesting its rows (with `documents` for the documents
    /// they show) and decoding only those `decoding` asks for: a rebuild finds what changed
    /// without decoding the rest, nor reading their documents.
    func forEachPatron(today: Day, rules: Rules, cards range: CardRange = CardRange(), decoding: Decoding,
                       documents: DocumentDigests, _ body: (PatronRead) throws -> Void) throws {
        let window: [any DatabaseValueConvertible] = [rules.historyStart(today: today).iso, today.iso]
        try read { db in
            // Each stream sorts its table in card order; SQLite lets a sorter hold as much memory
            // as the page cache before spilling to a temporary file. A small cache keeps the ten
            // sorters of a pass (and so the builder's memory) flat whatever the network's size.
            try db.execute(sql: "PRAGMA cache_size = -2048")
            mq_release_free_memory() // what earlier reads cached, given back
            defer { try? db.execute(sql: "PRAGMA cache_size = -\(cacheKiB)") }
            var streams: [AccountTable: AccountRowStream] = [:]
            for table in AccountTable.allCases {
                streams[table] = try AccountRowStream(db, table.query, documents: decoding.readsDocuments,
                                                      arguments: table == .history ? window : [], range: range)
            }
            let cards = try String.fetchCursor(db, sql: AccountQuery.cards.forCards(range, documents: false),
                                               arguments: StatementArguments(range.arguments))
            while let card = try cards.next() {
                let read = try readPatron(db, card: card, decode: decoding.contains(card), documents: documents) { table, body in
                    try streams[table]!.rows(of: card, body)
                }
                if let read { try body(read) }
            }
        }
    }

    /// The card that splits the patrons in two halves, and how many come before it;
    /// `nil` for fewer than two patrons.
    func middleCard() throws -> (card: String, position: Int)? {
        try read { db in
            let count = try Int.fetchOne(db, sql: AccountSQL.patronCount) ?? 0
            guard count >= 2, let card = try String.fetchOne(db, sql: AccountSQL.cardAtPlace, arguments: [count / 2]) else { return nil }
            let before = try Int.fetchOne(db, sql: AccountSQL.cardsBefore, arguments: [card]) ?? 0
            return (card, before)
        }
    }

    /// One patron's bundle, or `nil` for an unknown card number.
    public func bundle(card: String, today: Day, rules: Rules) throws -> PatronBundle? {
        try read(card: card, today: today, rules: rules, documents: DocumentDigests())?.bundle
    }

    /// One patron, decoded, with the digest of its rows taken in the same read, or `nil`
    /// for an unknown card number: the same rows, in the same order, as ``forEachPatron``.
    func read(card: String, today: Day, rules: Rules, documents: DocumentDigests) throws -> PatronRead? {
        let window: [any DatabaseValueConvertible] = [rules.historyStart(today: today).iso, today.iso]
        return try read { db in
            try readPatron(db, card: card, decode: true, documents: documents) { table, body in
                try fetch(db, table.query, documents: true, StatementArguments([card] + (table == .history ? window : [])), body)
            }
        }
    }

    /// Reads one patron's rows, table by table, from `rows` (its streams or its own queries),
    /// hashing each row before decoding it (reading a value as another type would change its
    /// bytes), and decoding only when `decode` says so.
    private func readPatron(_ db: Database, card: String, decode: Bool, documents: DocumentDigests,
                            rows: (AccountTable, (StatementColumns) throws -> Void) throws -> Void) throws -> PatronRead? {
        var digest = RowDigest()
        func each<Column: QueryColumn>(_ table: AccountTable, _ decoder: (QueryRow<Column>) throws -> Void) throws {
            let document = table.query.documentColumn.map { ($0, documents) }
            try withoutActuallyEscaping(decoder) { decoder in
                try rows(table) { row in
                    digest.add(table.digestTag, row.statement, document: document)
                    if table == .registration { digest.noteRegistration(QueryRow(row)) }
                    if decode { try decoder(QueryRow(row)) }
                }
            }
        }
        var patron: Patron?
        var keyVersion: Int?
        try rows(.patron) { row in
            digest.add(AccountTable.patron.digestTag, row.statement)
            let row = QueryRow<PatronColumn>(row)
            keyVersion = row.int(.feedKeyVersion) ?? 0
            if decode { patron = try self.patron(row) }
        }
        guard let keyVersion else { return nil }
        var account = patron.map { Account(patron: $0) }
        try each(.loan) { account?.loans.append(try self.loan($0)) }
        try each(.hold) { account?.holds.append(try self.hold($0)) }
        try each(.registration) { account?.registrations.append(try self.registration($0)) }
        try each(.history) { account?.history.append(try self.historyEntry($0)) }
        try each(.review) { account?.reviews.append(try self.review($0)) }
        var shelves = ShelfAssembly()
        try each(.shelf) { try shelves.add(self.shelf($0)) }
        try each(.shelfEntry) { try shelves.add(entry: $0, database: self) }
        account?.shelves = shelves.result
        // Searches are decoded in every pass: what a folder reads beyond its rows follows their criteria.
        var searches = SearchAssembly()
        try rows(.search) { row in
            digest.add(AccountTable.search.digestTag, row.statement)
            try searches.add(self.search(QueryRow(row)))
        }
        try rows(.facet) { row in
            digest.add(AccountTable.facet.digestTag, row.statement)
            searches.add(facet: QueryRow(row))
        }
        for search in searches.result { digest.noteSearch(search) }
        account?.searches = searches.result
        let shared = try sharedAccounts(db, holder: card, decoding: decode, documents: documents, digest: &digest)
        return PatronRead(card: card, keyVersion: keyVersion, rows: digest, bundle: account.map { PatronBundle(own: $0, shared: shared) })
    }

    /// The accounts shared with `holder`: each member's loans, holds and registrations only.
    private func sharedAccounts(_ db: Database, holder: String, decoding: Bool, documents: DocumentDigests,
                                digest: inout RowDigest) throws -> [Account] {
        let members = try String.fetchAll(db.cachedStatement(sql: AccountSQL.shareMembers), arguments: [holder])
        var accounts: [Account] = []
        for member in members {
            digest.add(.sharedMember, text: member)
            if let account = try sharedAccount(db, card: member, decoding: decoding, documents: documents, digest: &digest) {
                accounts.append(account)
            }
        }
        return accounts
    }

    /// A patron's loans, holds and registrations (`nil` when not decoding).
    private func sharedAccount(_ db: Database, card: String, decoding: Bool, documents: DocumentDigests,
                               digest: inout RowDigest) throws -> Account? {
        /// Digests each row of `table` as `tag`, then decodes it when decoding.
        func each<Column: QueryColumn>(_ table: AccountTable, as tag: RowDigest.Table, _ decoder: (QueryRow<Column>) throws -> Void) throws {
            let query = table.query
            let document = query.documentColumn.map { ($0, documents) }
            try fetch(db, query, documents: decoding, [card]) { row in
                digest.add(tag, row.statement, document: document)
                if table == .registration { digest.noteRegistration(QueryRow(row)) }
                if decoding { try decoder(QueryRow(row)) }
            }
        }
        var patron: Patron?
        try each(.patron, as: .sharedPatron) { patron = try self.patron($0) }
        if decoding && patron == nil {
            throw InputProblem(file: file, place: .row(table: "patron", id: card, column: nil), message: "unknown patron")
        }
        var account = patron.map { Account(patron: $0) }
        try each(.loan, as: .sharedLoan) { account?.loans.append(try loan($0)) }
        try each(.hold, as: .sharedHold) { account?.holds.append(try hold($0)) }
        try each(.registration, as: .sharedRegistration) { account?.registrations.append(try registration($0)) }
        return account
    }

    /// Calls `row` with each row of `query`, read from the statement standing on it.
    private func fetch(_ db: Database, _ query: AccountQuery, documents: Bool, _ arguments: StatementArguments,
                       _ row: (StatementColumns) throws -> Void) throws {
        let statement = try db.cachedStatement(sql: query.forOneCard(documents: documents))
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while try rows.next() != nil { try row(StatementColumns(statement.sqliteStatement)) }
    }
}

/// Gathers a patron's shelves and their entries, in the guide's order.
struct ShelfAssembly {
    private var shelves: [Shelf] = []
    private var index: [Int64: Int] = [:]

    mutating func add(_ shelf: Shelf) {
        index[shelf.id] = shelves.count
        shelves.append(shelf)
    }

    mutating func add(entry row: QueryRow<ShelfEntryColumn>, database: AccountDatabase) throws {
        let id = "\(row.text(.shelfID) ?? "?")/\(row.text(.document) ?? "?")"
        guard let shelfID = row.int64(.shelfID), let position = index[shelfID], let added = row.day(.addedOn)
        else { throw database.invalid("shelf_entry", id, "added_on") }
        shelves[position].entries.append(Shelf.Entry(document: try database.document(row.columns(from: .document), table: "shelf_entry", id: id),
                                                     addedOn: added))
    }

    var result: [Shelf] { shelves.sorted { ($0.kind.order, $0.id) < ($1.kind.order, $1.id) } }
}

/// Gathers a patron's saved searches and their facets.
struct SearchAssembly {
    private var searches: [SavedSearch] = []
    private var index: [Int64: Int] = [:]

    mutating func add(_ search: SavedSearch) {
        index[search.id] = searches.count
        searches.append(search)
    }

    mutating func add(facet row: QueryRow<FacetColumn>) {
        guard let searchID = row.int64(.searchID), let position = index[searchID], let facet = row.text(.facet),
              let value = row.text(.value) else { return }
        searches[position].facets[facet, default: []].append(value)
    }

    var result: [SavedSearch] { searches }
}
