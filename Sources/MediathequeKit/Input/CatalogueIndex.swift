import Foundation
import GRDB
import GRDBSQLite

/// The catalogue's full-text index for saved searches: SQLite FTS5 tables
/// (`unicode61 remove_diacritics 2`, so case and accents are ignored, composed
/// or not), built once per build into anonymous temporary databases that
/// SQLite deletes when they are closed, one per part of the catalogue, built
/// side by side. The account database is only read.
///
/// Documents are numbered by age (`pos`: oldest `added_on` first, then id), and
/// that number is the full-text row id, so "newest matches first" is the index's
/// own order: a search reads matches from the newest and stops at the limit.
/// Answers follow ``SavedSearchMatcher``: the index and the facet columns narrow
/// the candidates, and each candidate is checked against the pure rules before
/// it is kept.
///
/// ```swift
/// let index = try CatalogueIndex(source: database)
/// let newest = try index.documents(matching: SearchCriteria(search), limit: 50)
/// ```
public final class CatalogueIndex: CatalogueSearchable {
    private let parts: [Part]
    /// Documents indexed.
    public var documentCount: Int { parts.reduce(0) { $0 + $1.documentCount } }

    static let schema = """
        CREATE TABLE doc (
          pos INTEGER PRIMARY KEY, id INTEGER NOT NULL, title TEXT NOT NULL, authors TEXT, kind TEXT NOT NULL,
          year INTEGER, summary TEXT, series TEXT, genre TEXT, audience TEXT, subjects TEXT, isbn TEXT,
          added_on TEXT NOT NULL, kind_f TEXT NOT NULL, genre_f TEXT, audience_f TEXT);
        CREATE TABLE doc_library (doc_id INTEGER NOT NULL, library_f TEXT NOT NULL, library TEXT NOT NULL,
          PRIMARY KEY (doc_id, library_f)) WITHOUT ROWID;
        CREATE VIRTUAL TABLE doc_text USING fts5(body, content='', detail='none', tokenize='unicode61 remove_diacritics 2');
        """

    /// Filled once every document is in: the text is ``SavedSearchMatcher/searchableText(of:)``'s
    /// fields (subjects keep their " ; ", a separator for the tokenizer as for the matcher).
    static let finish = """
        INSERT INTO doc_text (rowid, body)
          SELECT pos, title || char(10) || ifnull(authors, '') || char(10) || ifnull(series, '') || char(10)
                 || ifnull(summary, '') || char(10) || ifnull(subjects, '') || char(10) || ifnull(genre, '')
          FROM doc;
        CREATE INDEX doc_genre ON doc(genre_f, pos);
        CREATE INDEX doc_kind ON doc(kind_f, pos);
        """

    /// Reads every document and item of `source` and builds the index.
    /// - Throws: ``InputProblem`` naming the account database for a bad row, or the
    ///   index for a SQLite failure (such as a SQLite built without FTS5).
    public convenience init(source: AccountDatabase) throws {
        try self.init(sources: [source])
    }

    /// The same, in as many parts as `sources` (connections to one database), built side by
    /// side on a thread each: part `k` holds every n-th document of the age order, from the
    /// k-th. Building is one thread's work that the first folders wait for; a search asks
    /// every part and keeps the newest matches of all.
    public init(sources: [AccountDatabase]) throws {
        precondition(!sources.isEmpty, "a catalogue index needs a source")
        let built = PartResults(count: sources.count)
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            built.set(index, Result { try Part(source: sources[index], index: index, count: sources.count) })
        }
        parts = try built.parts()
    }

    public func documents(matching criteria: SearchCriteria, limit: Int) throws -> [Document] {
        guard criteria.scope == .catalogue, limit > 0 else { return [] }
        // Part after part, each asked only for documents newer than the `limit`-th kept so far:
        // a broad search decodes and checks about `limit` candidates in all, not `limit` a part.
        var found: [(position: Int, document: Document)] = []
        for part in parts {
            let floor = found.count == limit ? found[limit - 1].position : nil
            found += try part.documents(Self.query(criteria, newerThan: floor), criteria, limit: limit)
            found.sort { $0.position > $1.position }
            if found.count > limit { found.removeLast(found.count - limit) }
        }
        return found.map(\.document)
    }

    /// The SQL, and its arguments, of the candidates for `criteria` newer than the place `floor`, newest first.
    private static func query(_ criteria: SearchCriteria, newerThan floor: Int?) -> (sql: String, arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        var source = "doc d"
        var order = "d.pos DESC"
        if !criteria.words.isEmpty {
            // The full-text table leads (CROSS JOIN keeps it first) and yields its matches newest first, so the
            // cursor below stops after `limit` kept rows, without sorting every match.
            source = "doc_text t CROSS JOIN doc d ON d.pos = t.rowid"
            order = "t.rowid DESC"
            conditions.append("doc_text MATCH ?")
            arguments.append(criteria.words.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"*" }.joined(separator: " "))
        }
        for (facet, column) in [("kind", "kind_f"), ("genre", "genre_f"), ("audience", "audience_f")] {
            guard let values = criteria.values[facet] else { continue }
            let sorted = values.sorted()
            conditions.append("d.\(column) IN (\(Array(repeating: "?", count: sorted.count).joined(separator: ", ")))")
            arguments += sorted.map { $0 as String? }
        }
        if let libraries = criteria.values["library"] {
            let sorted = libraries.sorted()
            conditions.append("EXISTS (SELECT 1 FROM doc_library l WHERE l.doc_id = d.id AND l.library_f IN (\(Array(repeating: "?", count: sorted.count).joined(separator: ", "))))")
            arguments += sorted.map { $0 as String? }
        }
        if let year = criteria.yearFrom { conditions.append("d.year >= ?"); arguments.append(year) }
        if let year = criteria.yearTo { conditions.append("d.year <= ?"); arguments.append(year) }
        if let floor {
            // On the full-text table's row id when it leads, so that its scan stops there.
            conditions.append(criteria.words.isEmpty ? "d.pos > ?" : "t.rowid > ?")
            arguments.append(floor)
        }
        let sql = """
            SELECT d.id, d.title, d.authors, d.kind, d.year, d.summary, d.series, d.genre, d.audience, d.subjects,
                   d.isbn, d.added_on,
                   (SELECT group_concat(library, char(31)) FROM doc_library WHERE doc_id = d.id), d.pos
            FROM \(source)\(conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
            ORDER BY \(order)
            """
        return (sql, StatementArguments(arguments))
    }

    /// One part of the index: an anonymous temporary database of its own.
    private final class Part {
        let queue: DatabaseQueue
        private(set) var documentCount = 0

        /// Indexes the documents of places `index + 1`, `index + 1 + count`... of `source`, and their items' libraries.
        init(source: AccountDatabase, index: Int, count: Int) throws {
            var config = Configuration()
            config.label = "catalogue-index"
            do {
                // An empty path is SQLite's anonymous temporary database: a file unlinked at once, gone on close.
                queue = try DatabaseQueue(path: "", configuration: config)
                try queue.writeWithoutTransaction { db in
                    // A bigger cache barely speeds the bulk load (the temporary file spills to the kernel's
                    // page cache) but shows in the builder's peak memory: the parts share 16 MiB.
                    try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = \(-16384 / count)")
                    try db.execute(sql: CatalogueIndex.schema)
                }
            } catch let error as DatabaseError {
                throw CatalogueIndex.problem("cannot create the full-text index (SQLite with FTS5 is needed)", error)
            }
            // The source is read in one ordered pass: its cache would only hold pages never read again.
            try source.read { db in try db.execute(sql: "PRAGMA cache_size = -2048") }
            try queue.writeWithoutTransaction { db in
                try db.inTransaction {
                    documentCount = try Self.load(source, index: index, count: count, into: db)
                    try db.execute(sql: CatalogueIndex.finish)
                    return .commit
                }
                // A big cache served the bulk load; searches need little, and memory must stay flat.
                try db.execute(sql: "PRAGMA cache_size = \(-4096 / count)")
            }
        }

        /// Inserts the part's documents, then the libraries of their items; returns how many documents.
        /// - Throws: a document's failure as a ``RowFailure`` at its place, so that the oldest is reported.
        private static func load(_ source: AccountDatabase, index: Int, count: Int, into db: Database) throws -> Int {
            let insertDoc = try db.makeStatement(sql: """
                INSERT INTO doc (pos, id, title, authors, kind, year, summary, series, genre, audience, subjects, isbn,
                                 added_on, kind_f, genre_f, audience_f) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            // Facet values repeat a lot ('Livre', 'Roman policier'): fold each once.
            var folded: [String: String] = [:]
            func fold(_ value: String) -> String {
                if let done = folded[value] { return done }
                let done = SearchText.fold(value)
                if folded.count < 10_000 { folded[value] = done }
                return done
            }
            // With one part every item's document is in it: no set of ids to keep.
            var ids = Set<Int64>()
            var documents = 0
            // The place of this part's next document: where a row that fails to decode or insert is.
            var next = index + 1
            do {
                try source.forEachDocument(part: (index, count)) { position, d in
                    documents += 1
                    if count > 1 { ids.insert(d.id) }
                    var row = RowInsert(insertDoc)
                    row.bind(position); row.bind(d.id); row.bind(d.title); row.bind(d.authors); row.bind(d.kind)
                    row.bind(d.year); row.bind(d.summary); row.bind(d.series); row.bind(d.genre); row.bind(d.audience)
                    row.bind(d.subjects.joined(separator: " ; ")); row.bind(d.isbn); row.bind(d.addedOn.iso)
                    row.bind(fold(d.kind)); row.bind(d.genre.map(fold)); row.bind(d.audience.map(fold))
                    try row.run(db)
                    next = position + count
                }
            } catch {
                throw RowFailure(position: next, error: error)
            }
            let insertLibrary = try db.makeStatement(sql: "INSERT OR IGNORE INTO doc_library (doc_id, library_f, library) VALUES (?, ?, ?)")
            try source.forEachItemLibrary { id, library in
                guard count == 1 || ids.contains(id) else { return }
                var row = RowInsert(insertLibrary)
                row.bind(id); row.bind(fold(library)); row.bind(library)
                try row.run(db)
            }
            return documents
        }

        /// This part's newest `limit` documents that match, with their places.
        func documents(_ query: (sql: String, arguments: StatementArguments), _ criteria: SearchCriteria,
                       limit: Int) throws -> [(position: Int, document: Document)] {
            do {
                return try queue.read { db in
                    var found: [(position: Int, document: Document)] = []
                    let rows = try Row.fetchCursor(db, sql: query.sql, arguments: query.arguments)
                    while found.count < limit, let row = try rows.next() {
                        guard let document = CatalogueIndex.document(row), let position = row.int(13) else { continue }
                        let libraries = (row.text(12) ?? "").split(separator: "\u{1F}").map(String.init)
                        if SavedSearchMatcher.matches(document, libraries: libraries, criteria) {
                            found.append((position, document))
                        }
                    }
                    return found
                }
            } catch let error as DatabaseError {
                throw CatalogueIndex.problem("search failed", error)
            }
        }
    }

    /// What each thread building a part gave.
    private final class PartResults: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Result<Part, any Error>?]

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ result: Result<Part, any Error>) {
            lock.lock()
            results[index] = result
            lock.unlock()
        }

        /// The parts in order. When some failed: a failure that is not a row's first, else the
        /// oldest row's, as one index built alone would have met it first, whatever the parts.
        func parts() throws -> [Part] {
            lock.lock()
            defer { lock.unlock() }
            let failures = results.compactMap { result -> (any Error)? in
                if case .failure(let error)? = result { error } else { nil }
            }
            let place = { (error: any Error) in (error as? RowFailure)?.position ?? 0 }
            if let first = failures.min(by: { place($0) < place($1) }) { throw (first as? RowFailure)?.error ?? first }
            return try results.map { try $0!.get() }
        }
    }

    /// A part's failure on the document at `position` of the age order.
    private struct RowFailure: Error {
        let position: Int
        let error: any Error
    }

    private static func problem(_ what: String, _ error: DatabaseError) -> InputProblem {
        InputProblem(file: "catalogue index", message: "\(what): \(error.message ?? "\(error.resultCode)")")
    }

    private static func document(_ r: Row) -> Document? {
        guard let id = r.int64(0), let title = r.text(1), let kind = r.text(3), let added = r.day(11) else { return nil }
        let subjects = (r.text(9) ?? "").components(separatedBy: " ; ").filter { !$0.isEmpty }
        return Document(id: id, title: title, authors: r.text(2), kind: kind, year: r.int(4), summary: r.text(5),
                        series: r.text(6), genre: r.text(7), audience: r.text(8), subjects: subjects, isbn: r.text(10),
                        addedOn: added)
    }
}

/// One row of a bulk insert, bound and run straight through SQLite: GRDB's statement
/// arguments would box each of a hundred thousand rows' values first. Values are bound
/// as GRDB binds them (``DatabaseValueConvertible/bind(to:at:)``), texts from their UTF-8.
private struct RowInsert {
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
