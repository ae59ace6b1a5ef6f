import GRDB

/// Reading accounts, one patron at a time, with cached statements.
extension AccountDatabase {
    static let documentColumns = "d.id, d.title, d.authors, d.kind, d.year, d.summary, d.series, d.genre, d.audience, d.subjects, d.isbn, d.added_on"

    /// The contract indexes loans, holds and registrations by patron, but not reviews, shelves or
    /// saved searches: without help each patron would scan those tables. Being read-only, the
    /// builder keeps small (key, rowid) lookup tables in the connection's TEMP schema instead.
    func prepareLookups(_ db: Database) throws {
        guard try Int.fetchOne(db, sql: "SELECT count(*) FROM temp.sqlite_master WHERE name = 'review_by_patron'") == 0 else { return }
        try db.execute(sql: """
            CREATE TEMP TABLE review_by_patron AS SELECT patron_card AS card, rowid AS rid FROM main.review;
            CREATE INDEX temp.review_by_patron_card ON review_by_patron(card, rid);
            CREATE TEMP TABLE shelf_by_patron AS SELECT patron_card AS card, rowid AS rid FROM main.shelf;
            CREATE INDEX temp.shelf_by_patron_card ON shelf_by_patron(card, rid);
            CREATE TEMP TABLE search_by_patron AS SELECT patron_card AS card, rowid AS rid FROM main.saved_search;
            CREATE INDEX temp.search_by_patron_card ON search_by_patron(card, rid);
            CREATE TEMP TABLE facet_by_search AS SELECT search_id AS search, rowid AS rid FROM main.saved_search_facet;
            CREATE INDEX temp.facet_by_search_id ON facet_by_search(search, rid);
            """)
    }

    /// Calls `body` with each patron's bundle (own account and shared accounts), in card order.
    /// Only one bundle is in memory at a time.
    public func forEachBundle(today: Day, rules: Rules, _ body: (PatronBundle) throws -> Void) throws {
        try read { db in
            try prepareLookups(db)
            let cards = try String.fetchCursor(db, sql: "SELECT card_number FROM patron ORDER BY card_number")
            while let card = try cards.next() {
                try body(try bundle(db, card: card, today: today, rules: rules))
            }
        }
    }

    /// One patron's bundle, or `nil` for an unknown card number.
    public func bundle(card: String, today: Day, rules: Rules) throws -> PatronBundle? {
        try read { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM patron WHERE card_number = ?", arguments: [card]) != nil
            else { return nil }
            try prepareLookups(db)
            return try bundle(db, card: card, today: today, rules: rules)
        }
    }

    func bundle(_ db: Database, card: String, today: Day, rules: Rules) throws -> PatronBundle {
        let own = try account(db, card: card, today: today, rules: rules, full: true)
        let members = try String.fetchAll(db.cachedStatement(sql:
            "SELECT member_card FROM account_share WHERE holder_card = ? ORDER BY member_card"), arguments: [card])
        let shared = try members.map { try account(db, card: $0, today: today, rules: rules, full: false) }
        return PatronBundle(own: own, shared: shared)
    }

    /// A patron's account; `full: false` reads only what a holder of a shared account sees.
    func account(_ db: Database, card: String, today: Day, rules: Rules, full: Bool) throws -> Account {
        var account = Account(patron: try patron(db, card: card))
        account.loans = try loans(db, card: card)
        account.holds = try holds(db, card: card)
        account.registrations = try registrations(db, card: card)
        if full {
            account.history = try history(db, card: card, from: rules.historyStart(today: today), to: today)
            account.reviews = try reviews(db, card: card)
            account.shelves = try shelves(db, card: card)
            account.searches = try searches(db, card: card)
        }
        return account
    }

    private func fetch(_ db: Database, _ sql: String, _ arguments: StatementArguments,
                       _ row: (Row) throws -> Void) throws {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        while let next = try rows.next() { try row(next) }
    }

    func library(_ code: String?, table: String, id: String) throws -> Library {
        guard let code, let library = libraries[code] else {
            throw InputProblem(file: file, place: .row(table: table, id: id, column: nil),
                               message: "names an unknown library '\(Self.printable(code ?? "NULL"))'")
        }
        return library
    }

    func invalid(_ table: String, _ id: String, _ column: String) -> InputProblem {
        InputProblem(file: file, place: .row(table: table, id: id, column: column), message: "value breaks the input contract")
    }

    private func patron(_ db: Database, card: String) throws -> Patron {
        var found: Patron?
        try fetch(db, """
            SELECT card_number, pseudo, first_name, last_name, birth_date, sex, email, phone, mobile, address,
                   address_extra, postal_code, city, home_library, membership_expires, recommendations, feed_key_version
            FROM patron WHERE card_number = ?
            """, [card]) { r in
            guard let expires = r.day(14) else { throw invalid("patron", card, "membership_expires") }
            found = Patron(cardNumber: card, pseudo: r.text(1) ?? "", firstName: r.text(2) ?? "", lastName: r.text(3) ?? "",
                           birthDate: r.day(4), sex: r.text(5), email: r.text(6), phone: r.text(7), mobile: r.text(8),
                           address: r.text(9), addressExtra: r.text(10), postalCode: r.text(11), city: r.text(12),
                           homeLibrary: r.text(13).flatMap { libraries[$0] }, membershipExpires: expires,
                           recommendations: r.int(15) == 1, feedKeyVersion: r.int(16) ?? 0)
        }
        guard let found else { throw InputProblem(file: file, place: .row(table: "patron", id: card, column: nil), message: "unknown patron") }
        return found
    }

    /// Decodes the twelve document columns starting at `offset`.
    func document(_ r: Row, at offset: Int, table: String, id: String) throws -> Document {
        guard let docID = r.int64(offset), let title = r.text(offset + 1), let kind = r.text(offset + 3),
              let added = r.day(offset + 11) else { throw invalid(table, id, "document_id") }
        let subjects = (r.text(offset + 9) ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return Document(id: docID, title: title, authors: r.text(offset + 2), kind: kind, year: r.int(offset + 4),
                        summary: r.text(offset + 5), series: r.text(offset + 6), genre: r.text(offset + 7),
                        audience: r.text(offset + 8), subjects: subjects, isbn: r.text(offset + 10), addedOn: added)
    }

    private func loans(_ db: Database, card: String) throws -> [Loan] {
        var loans: [Loan] = []
        try fetch(db, """
            SELECT l.id, l.barcode, l.library, l.borrowed_on, l.due_on, l.renewals,
                   EXISTS (SELECT 1 FROM hold h WHERE h.document_id = i.document_id AND h.patron_card <> l.patron_card
                           AND h.available_on IS NULL),
                   \(Self.documentColumns)
            FROM loan l JOIN item i ON i.barcode = l.barcode JOIN document d ON d.id = i.document_id
            WHERE l.patron_card = ? AND l.returned_on IS NULL
            ORDER BY l.due_on, l.id
            """, [card]) { r in
            let id = r.text(0) ?? "?"
            guard let loanID = r.int64(0), let borrowed = r.day(3) else { throw invalid("loan", id, "borrowed_on") }
            guard let due = r.day(4) else { throw invalid("loan", id, "due_on") }
            loans.append(Loan(id: loanID, barcode: r.text(1) ?? "", document: try document(r, at: 7, table: "loan", id: id),
                              library: try library(r.text(2), table: "loan", id: id), borrowedOn: borrowed, dueOn: due,
                              renewals: r.int(5) ?? 0, awaitedByAnother: r.int(6) == 1))
        }
        return loans
    }

    private func history(_ db: Database, card: String, from start: Day, to today: Day) throws -> [HistoryEntry] {
        var entries: [HistoryEntry] = []
        try fetch(db, """
            SELECT l.id, l.library, l.borrowed_on, l.due_on, l.returned_on, \(Self.documentColumns)
            FROM loan l JOIN item i ON i.barcode = l.barcode JOIN document d ON d.id = i.document_id
            WHERE l.patron_card = ? AND l.returned_on IS NOT NULL AND l.returned_on >= ? AND l.returned_on <= ?
            ORDER BY l.returned_on DESC, l.id DESC
            """, [card, start.iso, today.iso]) { r in
            let id = r.text(0) ?? "?"
            guard let loanID = r.int64(0), let borrowed = r.day(2), let due = r.day(3), let returned = r.day(4)
            else { throw invalid("loan", id, "returned_on") }
            entries.append(HistoryEntry(loanID: loanID, document: try document(r, at: 5, table: "loan", id: id),
                                        library: try library(r.text(1), table: "loan", id: id),
                                        borrowedOn: borrowed, dueOn: due, returnedOn: returned))
        }
        return entries
    }

    private func holds(_ db: Database, card: String) throws -> [Hold] {
        var holds: [Hold] = []
        try fetch(db, """
            SELECT h.id, h.pickup_library, h.placed_on, h.available_on, h.available_until, h.queue_position,
                   \(Self.documentColumns)
            FROM hold h JOIN document d ON d.id = h.document_id
            WHERE h.patron_card = ?
            ORDER BY h.available_on IS NULL, h.available_until, h.queue_position, h.placed_on, h.id
            """, [card]) { r in
            let id = r.text(0) ?? "?"
            guard let holdID = r.int64(0), let placed = r.day(2) else { throw invalid("hold", id, "placed_on") }
            let state: HoldState
            if let on = r.day(3), let until = r.day(4) {
                state = .available(on: on, until: until)
            } else if let rank = r.int(5), rank >= 1 {
                state = .waiting(rank: rank)
            } else {
                throw invalid("hold", id, "queue_position")
            }
            holds.append(Hold(id: holdID, document: try document(r, at: 6, table: "hold", id: id),
                              pickupLibrary: try library(r.text(1), table: "hold", id: id), placedOn: placed, state: state))
        }
        return holds
    }

    private func registrations(_ db: Database, card: String) throws -> [Registration] {
        var registrations: [Registration] = []
        try fetch(db, """
            SELECT id, registered_by, event_id, session_id, status, registered_at
            FROM event_registration WHERE patron_card = ? ORDER BY registered_at, id
            """, [card]) { r in
            let id = r.text(0) ?? "?"
            guard let regID = r.int64(0), let status = r.text(4).flatMap(Registration.Status.init(rawValue:))
            else { throw invalid("event_registration", id, "status") }
            guard let at = r.timestamp(5) else { throw invalid("event_registration", id, "registered_at") }
            registrations.append(Registration(id: regID, patronCard: card, registeredBy: r.text(1) ?? card,
                                              eventID: r.text(2) ?? "", sessionID: r.text(3) ?? "",
                                              status: status, registeredAt: at))
        }
        return registrations
    }

    private func reviews(_ db: Database, card: String) throws -> [Review] {
        var reviews: [Review] = []
        try fetch(db, """
            SELECT r.id, r.pseudonym, r.rating, r.title, r.body, r.written_at, r.status, \(Self.documentColumns)
            FROM temp.review_by_patron x JOIN review r ON r.rowid = x.rid JOIN document d ON d.id = r.document_id
            WHERE x.card = ? ORDER BY r.written_at DESC, r.id DESC
            """, [card]) { r in
            let id = r.text(0) ?? "?"
            guard let reviewID = r.int64(0), let at = r.timestamp(5) else { throw invalid("review", id, "written_at") }
            guard let status = r.text(6).flatMap(Review.Status.init(rawValue:)) else { throw invalid("review", id, "status") }
            reviews.append(Review(id: reviewID, document: try document(r, at: 7, table: "review", id: id),
                                  pseudonym: r.text(1) ?? "", rating: r.int(2) ?? 0, title: r.text(3) ?? "",
                                  body: r.text(4) ?? "", writtenAt: at, status: status))
        }
        return reviews
    }

    private func shelves(_ db: Database, card: String) throws -> [Shelf] {
        var shelves: [Shelf] = []
        var index: [Int64: Int] = [:]
        try fetch(db, """
            SELECT s.id, s.name, s.kind, s.created_on FROM temp.shelf_by_patron x JOIN shelf s ON s.rowid = x.rid
            WHERE x.card = ? ORDER BY s.id
            """, [card]) { r in
            let id = r.text(0) ?? "?"
            guard let shelfID = r.int64(0), let kind = r.text(2).flatMap(Shelf.Kind.init(rawValue:)) else { throw invalid("shelf", id, "kind") }
            guard let created = r.day(3) else { throw invalid("shelf", id, "created_on") }
            index[shelfID] = shelves.count
            shelves.append(Shelf(id: shelfID, name: r.text(1) ?? "", kind: kind, createdOn: created))
        }
        try fetch(db, """
            SELECT e.shelf_id, e.added_on, \(Self.documentColumns)
            FROM temp.shelf_by_patron x JOIN shelf s ON s.rowid = x.rid JOIN shelf_entry e ON e.shelf_id = s.id
                 JOIN document d ON d.id = e.document_id
            WHERE x.card = ? ORDER BY e.shelf_id, e.added_on DESC, d.id
            """, [card]) { r in
            let id = "\(r.text(0) ?? "?")/\(r.text(2) ?? "?")"
            guard let shelfID = r.int64(0), let position = index[shelfID], let added = r.day(1)
            else { throw invalid("shelf_entry", id, "added_on") }
            shelves[position].entries.append(Shelf.Entry(document: try document(r, at: 2, table: "shelf_entry", id: id), addedOn: added))
        }
        return shelves.sorted { ($0.kind.order, $0.id) < ($1.kind.order, $1.id) }
    }

    private func searches(_ db: Database, card: String) throws -> [SavedSearch] {
        var searches: [SavedSearch] = []
        var index: [Int64: Int] = [:]
        try fetch(db, """
            SELECT s.id, s.name, s.scope, s.query, s.created_on, s.followed, s.frequency, s.active
            FROM temp.search_by_patron x JOIN saved_search s ON s.rowid = x.rid
            WHERE x.card = ? ORDER BY s.created_on, s.id
            """, [card]) { r in
            let id = r.text(0) ?? "?"
            guard let searchID = r.int64(0), let scope = r.text(2).flatMap(SavedSearch.Scope.init(rawValue:))
            else { throw invalid("saved_search", id, "scope") }
            guard let created = r.day(4) else { throw invalid("saved_search", id, "created_on") }
            index[searchID] = searches.count
            searches.append(SavedSearch(id: searchID, name: r.text(1) ?? "", scope: scope, query: r.text(3) ?? "",
                                        createdOn: created, followed: r.int(5) == 1,
                                        frequency: r.text(6).flatMap(SavedSearch.Frequency.init(rawValue:)) ?? .daily,
                                        active: r.int(7) != 0))
        }
        try fetch(db, """
            SELECT f.search_id, f.facet, f.value
            FROM temp.search_by_patron x JOIN saved_search s ON s.rowid = x.rid
                 JOIN temp.facet_by_search y ON y.search = s.id JOIN saved_search_facet f ON f.rowid = y.rid
            WHERE x.card = ? ORDER BY f.search_id, f.facet, f.value
            """, [card]) { r in
            guard let searchID = r.int64(0), let position = index[searchID], let facet = r.text(1), let value = r.text(2) else { return }
            searches[position].facets[facet, default: []].append(value)
        }
        return searches
    }
}
