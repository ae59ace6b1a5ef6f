import GRDB

/// One part of the catalogue index (``CatalogueIndex``): an anonymous temporary database of
/// its own, holding every n-th document of the age order and the libraries of their items.
final class CatalogueIndexPart {
    private let queue: DatabaseQueue
    private(set) var documentCount = 0

    /// Indexes the documents of places `index + 1`, `index + 1 + count`... of `source`, and their items' libraries.
    /// - Throws: a document's failure as a ``RowFailure`` at its place, so that the oldest is reported.
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
                try db.execute(sql: CatalogueIndexSchema.tables)
            }
        } catch let error as DatabaseError {
            throw CatalogueIndex.problem("cannot create the full-text index (SQLite with FTS5 is needed)", error)
        }
        // The source is read in one ordered pass: its cache would only hold pages never read again.
        try source.read { db in try db.execute(sql: "PRAGMA cache_size = -2048") }
        try queue.writeWithoutTransaction { db in
            try db.inTransaction {
                documentCount = try Self.load(source, index: index, count: count, into: db)
                try db.execute(sql: CatalogueIndexSchema.finish)
                return .commit
            }
            // A big cache served the bulk load; searches need little, and memory must stay flat.
            try db.execute(sql: "PRAGMA cache_size = \(-4096 / count)")
        }
    }

    /// Inserts the part's documents, then the libraries of their items; returns how many documents.
    private static func load(_ source: AccountDatabase, index: Int, count: Int, into db: Database) throws -> Int {
        let insertDocument = try db.makeStatement(sql: CatalogueIndexSchema.insertDocument)
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
                var row = RowInsert(insertDocument)
                row.bind(position); row.bind(d.id); row.bind(d.title); row.bind(d.authors); row.bind(d.kind)
                row.bind(d.year); row.bind(d.summary); row.bind(d.series); row.bind(d.genre); row.bind(d.audience)
                row.bind(d.subjects.joined(separator: CatalogueIndexSchema.subjectSeparator)); row.bind(d.isbn); row.bind(d.addedOn.iso)
                row.bind(fold(d.kind)); row.bind(d.genre.map(fold)); row.bind(d.audience.map(fold))
                try row.run(db)
                next = position + count
            }
        } catch {
            throw RowFailure(position: next, error: error)
        }
        let insertLibrary = try db.makeStatement(sql: CatalogueIndexSchema.insertLibrary)
        try source.forEachItemLibrary { id, library in
            guard count == 1 || ids.contains(id) else { return }
            var row = RowInsert(insertLibrary)
            row.bind(id); row.bind(fold(library)); row.bind(library)
            try row.run(db)
        }
        return documents
    }

    /// This part's newest `limit` documents that `query` finds and `criteria` matches, with their places.
    func documents(_ query: CatalogueSearchQuery, _ criteria: SearchCriteria, limit: Int) throws -> [(position: Int, document: Document)] {
        do {
            return try queue.read { db in
                var found: [(position: Int, document: Document)] = []
                let statement = try db.makeStatement(sql: query.sql)
                let rows = try Row.fetchCursor(statement, arguments: query.arguments)
                while found.count < limit, try rows.next() != nil {
                    guard let match = CatalogueSearchQuery.match(QueryRow(statement.sqliteStatement)) else { continue }
                    if SavedSearchMatcher.matches(match.document, libraries: match.libraries, criteria) {
                        found.append((match.position, match.document))
                    }
                }
                return found
            }
        } catch let error as DatabaseError {
            throw CatalogueIndex.problem("search failed", error)
        }
    }
}
