import GRDB

/// Decoders of the per-patron queries (``AccountQuery``): column 0 is the card number.
extension AccountDatabase {
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

    /// Decodes the twelve document columns starting at `offset`.
    func document(_ r: some ColumnValues, at offset: Int, table: String, id: String) throws -> Document {
        guard let docID = r.int64(offset), let title = r.text(offset + 1), let kind = r.text(offset + 3),
              let added = r.day(offset + 11) else { throw invalid(table, id, "document_id") }
        let subjects = Self.subjects(r.text(offset + 9))
        return Document(id: docID, title: title, authors: r.text(offset + 2), kind: kind, year: r.int(offset + 4),
                        summary: r.text(offset + 5), series: r.text(offset + 6), genre: r.text(offset + 7),
                        audience: r.text(offset + 8), subjects: subjects, isbn: r.text(offset + 10), addedOn: added)
    }

    func patron(_ r: some ColumnValues) throws -> Patron {
        let card = r.text(0) ?? "?"
        guard let expires = r.day(14) else { throw invalid("patron", card, "membership_expires") }
        return Patron(cardNumber: card, pseudo: r.text(1) ?? "", firstName: r.text(2) ?? "", lastName: r.text(3) ?? "",
                      birthDate: r.day(4), sex: r.text(5), email: r.text(6), phone: r.text(7), mobile: r.text(8),
                      address: r.text(9), addressExtra: r.text(10), postalCode: r.text(11), city: r.text(12),
                      homeLibrary: r.text(13).flatMap { libraries[$0] }, membershipExpires: expires,
                      recommendations: r.int(15) == 1, feedKeyVersion: r.int(16) ?? 0)
    }

    func loan(_ r: some ColumnValues) throws -> Loan {
        let id = r.text(1) ?? "?"
        guard let loanID = r.int64(1), let borrowed = r.day(4) else { throw invalid("loan", id, "borrowed_on") }
        guard let due = r.day(5) else { throw invalid("loan", id, "due_on") }
        return Loan(id: loanID, barcode: r.text(2) ?? "", document: try document(r, at: 8, table: "loan", id: id),
                    library: try library(r.text(3), table: "loan", id: id), borrowedOn: borrowed, dueOn: due,
                    renewals: r.int(6) ?? 0, awaitedByAnother: r.int(7) == 1)
    }

    func historyEntry(_ r: some ColumnValues) throws -> HistoryEntry {
        let id = r.text(1) ?? "?"
        guard let loanID = r.int64(1), let borrowed = r.day(3), let due = r.day(4), let returned = r.day(5)
        else { throw invalid("loan", id, "returned_on") }
        return HistoryEntry(loanID: loanID, document: try document(r, at: 6, table: "loan", id: id),
                            library: try library(r.text(2), table: "loan", id: id),
                            borrowedOn: borrowed, dueOn: due, returnedOn: returned)
    }

    func hold(_ r: some ColumnValues) throws -> Hold {
        let id = r.text(1) ?? "?"
        guard let holdID = r.int64(1), let placed = r.day(3) else { throw invalid("hold", id, "placed_on") }
        let state: HoldState
        if let on = r.day(4), let until = r.day(5) {
            state = .available(on: on, until: until)
        } else if let rank = r.int(6), rank >= 1 {
            state = .waiting(rank: rank)
        } else {
            throw invalid("hold", id, "queue_position")
        }
        return Hold(id: holdID, document: try document(r, at: 7, table: "hold", id: id),
                    pickupLibrary: try library(r.text(2), table: "hold", id: id), placedOn: placed, state: state)
    }

    func registration(_ r: some ColumnValues) throws -> Registration {
        let id = r.text(1) ?? "?"
        let card = r.text(0) ?? ""
        guard let regID = r.int64(1), let status = r.text(5).flatMap(Registration.Status.init(rawValue:))
        else { throw invalid("event_registration", id, "status") }
        guard let at = r.timestamp(6) else { throw invalid("event_registration", id, "registered_at") }
        return Registration(id: regID, patronCard: card, registeredBy: r.text(2) ?? card, eventID: r.text(3) ?? "",
                            sessionID: r.text(4) ?? "", status: status, registeredAt: at)
    }

    func review(_ r: some ColumnValues) throws -> Review {
        let id = r.text(1) ?? "?"
        guard let reviewID = r.int64(1), let at = r.timestamp(6) else { throw invalid("review", id, "written_at") }
        guard let status = r.text(7).flatMap(Review.Status.init(rawValue:)) else { throw invalid("review", id, "status") }
        return Review(id: reviewID, document: try document(r, at: 8, table: "review", id: id),
                      pseudonym: r.text(2) ?? "", rating: r.int(3) ?? 0, title: r.text(4) ?? "",
                      body: r.text(5) ?? "", writtenAt: at, status: status)
    }

    func shelf(_ r: some ColumnValues) throws -> Shelf {
        let id = r.text(1) ?? "?"
        guard let shelfID = r.int64(1), let kind = r.text(3).flatMap(Shelf.Kind.init(rawValue:)) else { throw invalid("shelf", id, "kind") }
        guard let created = r.day(4) else { throw invalid("shelf", id, "created_on") }
        return Shelf(id: shelfID, name: r.text(2) ?? "", kind: kind, createdOn: created)
    }

    func search(_ r: some ColumnValues) throws -> SavedSearch {
        let id = r.text(1) ?? "?"
        guard let searchID = r.int64(1), let scope = r.text(3).flatMap(SavedSearch.Scope.init(rawValue:))
        else { throw invalid("saved_search", id, "scope") }
        guard let created = r.day(5) else { throw invalid("saved_search", id, "created_on") }
        return SavedSearch(id: searchID, name: r.text(2) ?? "", scope: scope, query: r.text(4) ?? "",
                           createdOn: created, followed: r.int(6) == 1,
                           frequency: r.text(7).flatMap(SavedSearch.Frequency.init(rawValue:)) ?? .daily,
                           active: r.int(8) != 0)
    }
}

extension AccountDatabase {
    /// A `subjects` column's subjects: `;`-separated, each trimmed of the spaces and tabs
    /// Foundation's `CharacterSet.whitespaces` holds, empty ones dropped. Every document of
    /// every loan goes through it, so no Foundation call.
    static func subjects(_ column: String?) -> [String] {
        guard let column, !column.isEmpty else { return [] }
        return column.split(separator: ";").compactMap { part in
            let scalars = part.unicodeScalars
            guard let first = scalars.firstIndex(where: { !Text.isWhitespace($0) }),
                  let last = scalars.lastIndex(where: { !Text.isWhitespace($0) }) else { return nil }
            return String(scalars[first...last])
        }
    }
}
