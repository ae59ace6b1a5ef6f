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
        try read { db in
            let searchRows = try AccountRowStream(db, .followedSearches, documents: false)
            let facetRows = try AccountRowStream(db, .followedFacets, documents: false)
            let patron = try db.makeStatement(sql: AccountQuery.patrons.forOneCard(documents: false))
            let cards = try String.fetchCursor(db, sql: AccountSQL.followerCards)
            while let card = try cards.next() {
                var assembly = SearchAssembly()
                try searchRows.rows(of: card) { assembly.add(try self.search(QueryRow($0))) }
                try facetRows.rows(of: card) { assembly.add(facet: QueryRow($0)) }
                let rows = try Row.fetchCursor(patron, arguments: [card])
                // A search of an unknown patron is the contract checks' business: nobody to write to.
                guard try rows.next() != nil else { continue }
                try body(try self.patron(QueryRow(StatementColumns(patron.sqliteStatement))), assembly.result)
            }
        }
    }

    /// The documents added (`added_on`) from `first` to `last`, each with the libraries holding a copy.
    /// - Throws: ``InputProblem`` for a row that breaks the contract or a SQLite error.
    public func documents(addedFrom first: Day, to last: Day) throws -> [(document: Document, libraries: [String])] {
        try read { db in
            var documents: [(document: Document, libraries: [String])] = []
            var index: [Int64: Int] = [:]
            let statement = try db.makeStatement(sql: AccountSQL.documentsAdded)
            let rows = try Row.fetchCursor(statement, arguments: [first.iso, last.iso])
            while try rows.next() != nil {
                let row = QueryRow<DocumentColumn>(StatementColumns(statement.sqliteStatement))
                let document = try document(row, table: "document", id: row.text(.id) ?? "?")
                index[document.id] = documents.count
                documents.append((document, []))
            }
            guard !documents.isEmpty else { return [] }
            let items = try db.makeStatement(sql: AccountSQL.holdingsOfDocumentsAdded)
            let itemRows = try Row.fetchCursor(items, arguments: [first.iso, last.iso])
            while try itemRows.next() != nil {
                let item = QueryRow<ItemLibraryColumn>(StatementColumns(items.sqliteStatement))
                guard let id = item.int64(.document), let library = item.text(.library), let position = index[id] else { continue }
                documents[position].libraries.append(library)
            }
            return documents
        }
    }
}

extension AccountQuery {
    /// The followed searches, and their facets, of every follower (``AccountDatabase/forEachFollower(_:)``).
    static let followedSearches = AccountQuery(SearchColumn.self, card: .card, from: "FROM saved_search",
                                               filter: "followed = 1", order: "created_on, id")
    static let followedFacets = AccountQuery(FacetColumn.self, card: .card,
                                             from: "FROM saved_search_facet f JOIN saved_search s ON s.id = f.search_id",
                                             filter: "s.followed = 1", order: "f.search_id, f.facet, f.value")
}

extension AccountSQL {
    /// The statements of the e-mail alerts, in ``all``.
    static let alerts = AccountQuery.followedSearches.statements + AccountQuery.followedFacets.statements
        + [followerCards, documentsAdded, holdingsOfDocumentsAdded]

    static let followerCards = "SELECT DISTINCT patron_card FROM saved_search WHERE followed = 1 ORDER BY patron_card"
    /// The documents added between the two days given (the contract's index document_added finds them).
    static let documentsAdded = "SELECT \(DocumentColumn.selectList) FROM document d WHERE d.added_on BETWEEN ? AND ? ORDER BY d.id"
    /// Which libraries hold them: one scan of the items (no index on item.document_id), as the catalogue index does.
    /// (Its columns in ``ItemLibraryColumn``'s order.)
    static let holdingsOfDocumentsAdded = """
        SELECT DISTINCT i.document_id, i.library FROM item i WHERE i.document_id IN \
        (SELECT d.id FROM document d WHERE d.added_on BETWEEN ? AND ?) ORDER BY i.document_id, i.library
        """
}
