import GRDB

/// Streaming the catalogue, for the saved-search index.
extension AccountDatabase {
    /// Calls `body` with every document, oldest `added_on` first (then by id), and its place
    /// in that order (from 1), one at a time. With `part`, only the documents whose place is
    /// `part.index + 1` modulo `part.count` are decoded and given: one slice of the catalogue
    /// for each thread that builds a part of the search index.
    /// - Throws: ``InputProblem`` for a row that breaks the contract or a SQLite error.
    public func forEachDocument(part: (index: Int, count: Int) = (0, 1),
                                _ body: (_ position: Int, Document) throws -> Void) throws {
        try read { db in
            let statement = try db.makeStatement(sql: AccountSQL.documentsByAge)
            let rows = try Row.fetchCursor(statement)
            var position = 0
            while try rows.next() != nil {
                position += 1
                guard (position - 1) % part.count == part.index else { continue }
                let row = QueryRow<DocumentColumn>(statement.sqliteStatement)
                try body(position, try document(row, table: "document", id: row.text(.id) ?? "?"))
            }
        }
    }

    /// Calls `body` with the document and library of every item (copy), in no particular order.
    public func forEachItemLibrary(_ body: (_ documentID: Int64, _ library: String) throws -> Void) throws {
        try read { db in
            let statement = try db.makeStatement(sql: AccountSQL.itemLibraries)
            let rows = try Row.fetchCursor(statement)
            while try rows.next() != nil {
                let row = QueryRow<ItemLibraryColumn>(statement.sqliteStatement)
                guard let id = row.int64(.document), let library = row.text(.library) else { continue }
                try body(id, library)
            }
        }
    }

    /// Whether any saved search of the catalogue is switched on (else no index is needed).
    public func hasActiveCatalogueSearch() throws -> Bool {
        try read { db in
            try Int.fetchOne(db, sql: AccountSQL.activeCatalogueSearch) != nil
        }
    }
}
