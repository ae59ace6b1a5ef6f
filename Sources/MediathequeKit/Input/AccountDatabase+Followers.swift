import GRDB

/// Reading what the e-mail alerts need: the patrons who follow searches, and the documents
/// added in the days the alerts look at. The queries and decoders are the build's.
extension AccountDatabase {
    /// Calls `body` with each patron who follows at least one saved search, in card order,
    /// with those followed searches (switched off or not, any frequency: the caller decides)
    /// and their facets. Three cursors in card order: the cards, the searches, the facets;
    /// the patron's row is read by card.
    /// - Throws: ``InputProblem`` for a row that breaks the contract or a SQLite error.
    public func forEachFollower(_ body: (Patron, [SavedSearch]) throws -> Void) throws {
        var searches = Self.searches
        searches.filter = "followed = 1"
        var facets = Self.facets
        facets.filter = "s.followed = 1"
        try read { db in
            let searchRows = try AccountRowStream(db, searches, documents: false)
            let facetRows = try AccountRowStream(db, facets, documents: false)
            let patron = try db.makeStatement(sql: Self.patrons.forOneCard(documents: false))
            let cards = try String.fetchCursor(db, sql: "SELECT DISTINCT patron_card FROM saved_search WHERE followed = 1 ORDER BY patron_card")
            while let card = try cards.next() {
                var assembly = SearchAssembly()
                try searchRows.rows(of: card) { assembly.add(try self.search($0)) }
                try facetRows.rows(of: card) { assembly.add(facet: $0) }
                let rows = try Row.fetchCursor(patron, arguments: [card])
                // A search of an unknown patron is the contract checks' business: nobody to write to.
                guard try rows.next() != nil else { continue }
                try body(try self.patron(StatementColumns(patron.sqliteStatement)), assembly.result)
            }
        }
    }

    /// The documents added (`added_on`) from `first` to `last`, each with the libraries holding a copy.
    /// - Throws: ``InputProblem`` for a row that breaks the contract or a SQLite error.
    public func documents(addedFrom first: Day, to last: Day) throws -> [(document: Document, libraries: [String])] {
        try read { db in
            var documents: [(document: Document, libraries: [String])] = []
            var index: [Int64: Int] = [:]
            // The contract's index document_added finds them.
            let statement = try db.makeStatement(sql: "SELECT \(Self.documentColumns) FROM document d WHERE d.added_on BETWEEN ? AND ? ORDER BY d.id")
            let rows = try Row.fetchCursor(statement, arguments: [first.iso, last.iso])
            while try rows.next() != nil {
                let row = StatementColumns(statement.sqliteStatement)
                let document = try document(row, at: 0, table: "document", id: row.text(0) ?? "?")
                index[document.id] = documents.count
                documents.append((document, []))
            }
            guard !documents.isEmpty else { return [] }
            // No index on item.document_id: one scan of the items, as the catalogue index does.
            let items = try Row.fetchCursor(db, sql: "SELECT DISTINCT document_id, library FROM item WHERE document_id IN "
                                                + "(SELECT id FROM document WHERE added_on BETWEEN ? AND ?) ORDER BY document_id, library",
                                            arguments: [first.iso, last.iso])
            while let item = try items.next() {
                guard let id = item.int64(0), let library = item.text(1), let position = index[id] else { continue }
                documents[position].libraries.append(library)
            }
            return documents
        }
    }
}
