/// The per-patron queries of the account database, each with its columns: the decoders
/// (`AccountDatabase+Rows.swift`) read the rows by these names.
extension AccountQuery {
    /// The card numbers alone, for the pass over every patron.
    static let cards = AccountQuery(CardColumn.self, card: .card, from: "FROM patron", order: "card_number")

    static let patrons = AccountQuery(PatronColumn.self, card: .cardNumber, from: "FROM patron", order: "card_number")

    /// Loans not returned, and whether another patron waits for the document.
    static let loans = AccountQuery(LoanColumn.self, card: .card, from: "FROM loan l JOIN item i ON i.barcode = l.barcode",
                                    document: (.document, "JOIN document d ON d.id = i.document_id"),
                                    filter: "l.returned_on IS NULL", order: "l.due_on, l.id")

    /// Loans returned within the window whose bounds are the arguments.
    static let history = AccountQuery(HistoryColumn.self, card: .card, from: "FROM loan l JOIN item i ON i.barcode = l.barcode",
                                      document: (.document, "JOIN document d ON d.id = i.document_id"),
                                      filter: "l.returned_on IS NOT NULL AND l.returned_on >= ? AND l.returned_on <= ?",
                                      order: "l.returned_on DESC, l.id DESC")

    static let holds = AccountQuery(HoldColumn.self, card: .card, from: "FROM hold h",
                                    document: (.document, "JOIN document d ON d.id = h.document_id"),
                                    order: "h.available_on IS NULL, h.available_until, h.queue_position, h.placed_on, h.id")

    static let registrations = AccountQuery(RegistrationColumn.self, card: .card, from: "FROM event_registration",
                                            order: "registered_at, id")

    static let reviews = AccountQuery(ReviewColumn.self, card: .card, from: "FROM review r",
                                      document: (.document, "JOIN document d ON d.id = r.document_id"),
                                      order: "r.written_at DESC, r.id DESC")

    static let shelves = AccountQuery(ShelfColumn.self, card: .card, from: "FROM shelf", order: "id")

    static let shelfEntries = AccountQuery(ShelfEntryColumn.self, card: .card, from: "FROM shelf_entry e JOIN shelf s ON s.id = e.shelf_id",
                                           document: (.document, "JOIN document d ON d.id = e.document_id"),
                                           order: "e.shelf_id, e.added_on DESC, e.document_id")

    static let searches = AccountQuery(SearchColumn.self, card: .card, from: "FROM saved_search", order: "created_on, id")

    static let facets = AccountQuery(FacetColumn.self, card: .card,
                                     from: "FROM saved_search_facet f JOIN saved_search s ON s.id = f.search_id",
                                     order: "f.search_id, f.facet, f.value")
}

enum CardColumn: Int32, QueryColumn {
    case card

    var sql: String { "card_number" }
}

enum PatronColumn: Int32, QueryColumn {
    case cardNumber, pseudo, firstName, lastName, birthDate, sex, email, phone, mobile, address, addressExtra
    case postalCode, city, homeLibrary, membershipExpires, recommendations, feedKeyVersion

    var sql: String {
        switch self {
        case .cardNumber: "card_number"
        case .pseudo: "pseudo"
        case .firstName: "first_name"
        case .lastName: "last_name"
        case .birthDate: "birth_date"
        case .sex: "sex"
        case .email: "email"
        case .phone: "phone"
        case .mobile: "mobile"
        case .address: "address"
        case .addressExtra: "address_extra"
        case .postalCode: "postal_code"
        case .city: "city"
        case .homeLibrary: "home_library"
        case .membershipExpires: "membership_expires"
        case .recommendations: "recommendations"
        case .feedKeyVersion: "feed_key_version"
        }
    }
}

enum LoanColumn: Int32, QueryColumn {
    case card, id, barcode, library, borrowedOn, dueOn, renewals, awaitedByAnother, document

    var sql: String {
        switch self {
        case .card: "l.patron_card"
        case .id: "l.id"
        case .barcode: "l.barcode"
        case .library: "l.library"
        case .borrowedOn: "l.borrowed_on"
        case .dueOn: "l.due_on"
        case .renewals: "l.renewals"
        case .awaitedByAnother: """
            EXISTS (SELECT 1 FROM hold h WHERE h.document_id = i.document_id AND h.patron_card <> l.patron_card
                    AND h.available_on IS NULL)
            """
        case .document: "i.document_id"
        }
    }
}

enum HistoryColumn: Int32, QueryColumn {
    case card, id, library, borrowedOn, dueOn, returnedOn, document

    var sql: String {
        switch self {
        case .card: "l.patron_card"
        case .id: "l.id"
        case .library: "l.library"
        case .borrowedOn: "l.borrowed_on"
        case .dueOn: "l.due_on"
        case .returnedOn: "l.returned_on"
        case .document: "i.document_id"
        }
    }
}

enum HoldColumn: Int32, QueryColumn {
    case card, id, pickupLibrary, placedOn, availableOn, availableUntil, queuePosition, document

    var sql: String {
        switch self {
        case .card: "h.patron_card"
        case .id: "h.id"
        case .pickupLibrary: "h.pickup_library"
        case .placedOn: "h.placed_on"
        case .availableOn: "h.available_on"
        case .availableUntil: "h.available_until"
        case .queuePosition: "h.queue_position"
        case .document: "h.document_id"
        }
    }
}

enum RegistrationColumn: Int32, QueryColumn {
    case card, id, registeredBy, eventID, sessionID, status, registeredAt

    var sql: String {
        switch self {
        case .card: "patron_card"
        case .id: "id"
        case .registeredBy: "registered_by"
        case .eventID: "event_id"
        case .sessionID: "session_id"
        case .status: "status"
        case .registeredAt: "registered_at"
        }
    }
}

enum ReviewColumn: Int32, QueryColumn {
    case card, id, pseudonym, rating, title, body, writtenAt, status, document

    var sql: String {
        switch self {
        case .card: "r.patron_card"
        case .id: "r.id"
        case .pseudonym: "r.pseudonym"
        case .rating: "r.rating"
        case .title: "r.title"
        case .body: "r.body"
        case .writtenAt: "r.written_at"
        case .status: "r.status"
        case .document: "r.document_id"
        }
    }
}

enum ShelfColumn: Int32, QueryColumn {
    case card, id, name, kind, createdOn

    var sql: String {
        switch self {
        case .card: "patron_card"
        case .id: "id"
        case .name: "name"
        case .kind: "kind"
        case .createdOn: "created_on"
        }
    }
}

enum ShelfEntryColumn: Int32, QueryColumn {
    case card, shelfID, addedOn, document

    var sql: String {
        switch self {
        case .card: "s.patron_card"
        case .shelfID: "e.shelf_id"
        case .addedOn: "e.added_on"
        case .document: "e.document_id"
        }
    }
}

enum SearchColumn: Int32, QueryColumn {
    case card, id, name, scope, query, createdOn, followed, frequency, active

    var sql: String {
        switch self {
        case .card: "patron_card"
        case .id: "id"
        case .name: "name"
        case .scope: "scope"
        case .query: "query"
        case .createdOn: "created_on"
        case .followed: "followed"
        case .frequency: "frequency"
        case .active: "active"
        }
    }
}

enum FacetColumn: Int32, QueryColumn {
    case card, searchID, facet, value

    var sql: String {
        switch self {
        case .card: "s.patron_card"
        case .searchID: "f.search_id"
        case .facet: "f.facet"
        case .value: "f.value"
        }
    }
}
