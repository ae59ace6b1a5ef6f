import GRDB

/// Decoders of the account database's rows, each reading its query's columns by name.
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

    /// Decodes a document's columns: a catalogue's row, or a query's from its document's place.
    func document(_ r: QueryRow<DocumentColumn>, table: String, id: String) throws -> Document {
        guard let docID = r.int64(.id), let title = r.text(.title), let kind = r.text(.kind), let added = r.day(.addedOn)
        else { throw invalid(table, id, "document_id") }
        return Document(id: docID, title: title, authors: r.text(.authors), kind: kind, year: r.int(.year),
                        summary: r.text(.summary), series: r.text(.series), genre: r.text(.genre), audience: r.text(.audience),
                        subjects: Self.subjects(r.text(.subjects)), isbn: r.text(.isbn), addedOn: added)
    }

    func patron(_ r: QueryRow<PatronColumn>) throws -> Patron {
        let card = r.text(.cardNumber) ?? "?"
        guard let expires = r.day(.membershipExpires) else { throw invalid("patron", card, "membership_expires") }
        return Patron(cardNumber: card, pseudo: r.text(.pseudo) ?? "", firstName: r.text(.firstName) ?? "",
                      lastName: r.text(.lastName) ?? "", birthDate: r.day(.birthDate), sex: r.text(.sex), email: r.text(.email),
                      phone: r.text(.phone), mobile: r.text(.mobile), address: r.text(.address), addressExtra: r.text(.addressExtra),
                      postalCode: r.text(.postalCode), city: r.text(.city), homeLibrary: r.text(.homeLibrary).flatMap { libraries[$0] },
                      membershipExpires: expires, recommendations: r.int(.recommendations) == 1,
                      feedKeyVersion: r.int(.feedKeyVersion) ?? 0)
    }

    func loan(_ r: QueryRow<LoanColumn>) throws -> Loan {
        let id = r.text(.id) ?? "?"
        guard let loanID = r.int64(.id), let borrowed = r.day(.borrowedOn) else { throw invalid("loan", id, "borrowed_on") }
        guard let due = r.day(.dueOn) else { throw invalid("loan", id, "due_on") }
        return Loan(id: loanID, barcode: r.text(.barcode) ?? "", document: try document(r.columns(from: .document), table: "loan", id: id),
                    library: try library(r.text(.library), table: "loan", id: id), borrowedOn: borrowed, dueOn: due,
                    renewals: r.int(.renewals) ?? 0, awaitedByAnother: r.int(.awaitedByAnother) == 1)
    }

    func historyEntry(_ r: QueryRow<HistoryColumn>) throws -> HistoryEntry {
        let id = r.text(.id) ?? "?"
        guard let loanID = r.int64(.id), let borrowed = r.day(.borrowedOn), let due = r.day(.dueOn), let returned = r.day(.returnedOn)
        else { throw invalid("loan", id, "returned_on") }
        return HistoryEntry(loanID: loanID, document: try document(r.columns(from: .document), table: "loan", id: id),
                            library: try library(r.text(.library), table: "loan", id: id),
                            borrowedOn: borrowed, dueOn: due, returnedOn: returned)
    }

    func hold(_ r: QueryRow<HoldColumn>) throws -> Hold {
        let id = r.text(.id) ?? "?"
        guard let holdID = r.int64(.id), let placed = r.day(.placedOn) else { throw invalid("hold", id, "placed_on") }
        let state: HoldState
        if let on = r.day(.availableOn), let until = r.day(.availableUntil) {
            state = .available(on: on, until: until)
        } else if let rank = r.int(.queuePosition), rank >= 1 {
            state = .waiting(rank: rank)
        } else {
            throw invalid("hold", id, "queue_position")
        }
        return Hold(id: holdID, document: try document(r.columns(from: .document), table: "hold", id: id),
                    pickupLibrary: try library(r.text(.pickupLibrary), table: "hold", id: id), placedOn: placed, state: state)
    }

    func registration(_ r: QueryRow<RegistrationColumn>) throws -> Registration {
        let id = r.text(.id) ?? "?"
        let card = r.text(.card) ?? ""
        guard let regID = r.int64(.id), let status = r.text(.status).flatMap(Registration.Status.init(rawValue:))
        else { throw invalid("event_registration", id, "status") }
        guard let at = r.timestamp(.registeredAt) else { throw invalid("event_registration", id, "registered_at") }
        return Registration(id: regID, patronCard: card, registeredBy: r.text(.registeredBy) ?? card, eventID: r.text(.eventID) ?? "",
                            sessionID: r.text(.sessionID) ?? "", status: status, registeredAt: at)
    }

    func review(_ r: QueryRow<ReviewColumn>) throws -> Review {
        let id = r.text(.id) ?? "?"
        guard let reviewID = r.int64(.id), let at = r.timestamp(.writtenAt) else { throw invalid("review", id, "written_at") }
        guard let status = r.text(.status).flatMap(Review.Status.init(rawValue:)) else { throw invalid("review", id, "status") }
        return Review(id: reviewID, document: try document(r.columns(from: .document), table: "review", id: id),
                      pseudonym: r.text(.pseudonym) ?? "", rating: r.int(.rating) ?? 0, title: r.text(.title) ?? "",
                      body: r.text(.body) ?? "", writtenAt: at, status: status)
    }

    func shelf(_ r: QueryRow<ShelfColumn>) throws -> Shelf {
        let id = r.text(.id) ?? "?"
        guard let shelfID = r.int64(.id), let kind = r.text(.kind).flatMap(Shelf.Kind.init(rawValue:)) else { throw invalid("shelf", id, "kind") }
        guard let created = r.day(.createdOn) else { throw invalid("shelf", id, "created_on") }
        return Shelf(id: shelfID, name: r.text(.name) ?? "", kind: kind, createdOn: created)
    }

    func search(_ r: QueryRow<SearchColumn>) throws -> SavedSearch {
        let id = r.text(.id) ?? "?"
        guard let searchID = r.int64(.id), let scope = r.text(.scope).flatMap(SavedSearch.Scope.init(rawValue:))
        else { throw invalid("saved_search", id, "scope") }
        guard let created = r.day(.createdOn) else { throw invalid("saved_search", id, "created_on") }
        return SavedSearch(id: searchID, name: r.text(.name) ?? "", scope: scope, query: r.text(.query) ?? "",
                           createdOn: created, followed: r.int(.followed) == 1,
                           frequency: r.text(.frequency).flatMap(SavedSearch.Frequency.init(rawValue:)) ?? .daily,
                           active: r.int(.active) != 0)
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
