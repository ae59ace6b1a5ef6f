/// `donnees.json`: everything the account database holds about the patron, for
/// the GDPR rights of access and portability. Documented in `docs/donnees-json.md`.
///
/// Only the patron's own data: shared accounts appear by name only (their loans
/// are on the pages, not in this export), and no other patron's card number.
/// The history is the model's, already limited to the window: nothing older.
struct PatronDataExport {
    static let format = "mediatheque-donnees/1"

    let bundle: PatronBundle
    let content: SiteContent

    var json: PrivateJSON {
        let rules = content.config.rules
        let own = bundle.own
        return .object([
            "format": .string(Self.format),
            "network": .string(content.config.networkName),
            "reference_date": .string(content.situationDay.iso),
            "history_window": .object([
                "months": .int(rules.historyMonths),
                "from": .string(rules.historyStart(today: content.situationDay).iso),
                "to": .string(content.situationDay.iso),
            ]),
            "profile": profile(own.patron),
            "loans": .array(own.loans.map(loan)),
            "history": .array(own.history.filter { $0.isVisible(today: content.today, rules: rules) }.map(history)),
            "holds": .array(own.holds.map(hold)),
            "reviews": .array(own.reviews.map(review)),
            "shelves": .array(own.shelves.map(shelf)),
            "searches": .array(own.searches.map(search)),
            "registrations": .array(own.registrations.map(registration)),
            "shared_accounts": .array(bundle.shared.map { .object([
                "first_name": .string($0.patron.firstName), "last_name": .string($0.patron.lastName),
            ]) }),
        ])
    }

    /// The file's bytes: UTF-8, keys sorted, pretty-printed.
    var text: String { json.text }

    func profile(_ p: Patron) -> PrivateJSON {
        .object([
            "card_number": .string(p.cardNumber), "pseudo": .string(p.pseudo),
            "first_name": .string(p.firstName), "last_name": .string(p.lastName),
            "birth_date": .optional(p.birthDate), "sex": .optional(p.sex),
            "email": .optional(p.email), "phone": .optional(p.phone), "mobile": .optional(p.mobile),
            "address": .optional(p.address), "address_extra": .optional(p.addressExtra),
            "postal_code": .optional(p.postalCode), "city": .optional(p.city),
            "home_library": p.homeLibrary.map(library) ?? .null,
            "membership_expires": .string(p.membershipExpires.iso),
            "recommendations": .bool(p.recommendations),
            "feed_key_version": .int(p.feedKeyVersion),
        ])
    }

    func library(_ l: Library) -> PrivateJSON { .object(["code": .string(l.code), "name": .string(l.name)]) }

    func document(_ d: Document) -> PrivateJSON {
        .object([
            "id": .int(Int(d.id)), "title": .string(d.title), "authors": .optional(d.authors), "kind": .string(d.kind),
            "year": .optional(d.year), "summary": .optional(d.summary), "series": .optional(d.series),
            "genre": .optional(d.genre), "audience": .optional(d.audience), "subjects": .array(d.subjects.map(PrivateJSON.string)),
            "isbn": .optional(d.isbn), "added_on": .string(d.addedOn.iso),
        ])
    }

    func loan(_ l: Loan) -> PrivateJSON {
        let rules = content.config.rules
        let state = l.state(today: content.today, rules: rules)
        let renewal = l.renewal(today: content.today, rules: rules)
        return .object([
            "id": .int(Int(l.id)), "barcode": .string(l.barcode), "document": document(l.document),
            "library": library(l.library), "borrowed_on": .string(l.borrowedOn.iso), "due_on": .string(l.dueOn.iso),
            "renewals": .int(l.renewals), "awaited_by_another": .bool(l.awaitedByAnother),
            "state": .string(state.rawValue), "state_label": .string(state.label),
            "renewable": .bool(renewal.isAllowed), "renewal_refusal": .optional(renewal.refusal?.reason),
        ])
    }

    func history(_ h: HistoryEntry) -> PrivateJSON {
        .object([
            "loan_id": .int(Int(h.loanID)), "document": document(h.document), "library": library(h.library),
            "borrowed_on": .string(h.borrowedOn.iso), "due_on": .string(h.dueOn.iso),
            "returned_on": .string(h.returnedOn.iso), "loan_days": .int(h.loanDays), "days_late": .int(h.daysLate),
        ])
    }

    func hold(_ h: Hold) -> PrivateJSON {
        var rank: Int?, on: Day?, until: Day?
        switch h.state {
        case .waiting(let r): rank = r
        case .available(let from, let to): (on, until) = (from, to)
        }
        return .object([
            "id": .int(Int(h.id)), "document": document(h.document), "pickup_library": library(h.pickupLibrary),
            "placed_on": .string(h.placedOn.iso), "state": .string(h.isAvailable ? "available" : "waiting"),
            "rank": .optional(rank), "available_on": .optional(on), "available_until": .optional(until),
            "cancellable_online": .bool(h.isCancellableOnline),
        ])
    }

    func review(_ r: Review) -> PrivateJSON {
        .object([
            "id": .int(Int(r.id)), "document": document(r.document), "pseudonym": .string(r.pseudonym),
            "rating": .int(r.rating), "title": .string(r.title), "body": .string(r.body),
            "written_at": .string(r.writtenAt.iso), "status": .string(r.status.rawValue),
            "status_label": .string(r.status.label),
        ])
    }

    func shelf(_ s: Shelf) -> PrivateJSON {
        .object([
            "id": .int(Int(s.id)), "name": .string(s.name), "kind": .string(s.kind.rawValue),
            "created_on": .string(s.createdOn.iso),
            "entries": .array(s.entries.map { .object(["document": document($0.document), "added_on": .string($0.addedOn.iso)]) }),
        ])
    }

    func search(_ s: SavedSearch) -> PrivateJSON {
        .object([
            "id": .int(Int(s.id)), "name": .string(s.name), "scope": .string(s.scope.rawValue), "query": .string(s.query),
            "created_on": .string(s.createdOn.iso), "followed": .bool(s.followed),
            "frequency": .string(s.frequency.rawValue), "active": .bool(s.active),
            "facets": .object(s.facets.mapValues { .array($0.map(PrivateJSON.string)) }),
        ])
    }

    func registration(_ r: Registration) -> PrivateJSON {
        let found = content.session(SessionKey(eventID: r.eventID, sessionID: r.sessionID))
        return .object([
            "id": .int(Int(r.id)), "event_id": .string(r.eventID), "session_id": .string(r.sessionID),
            "status": .string(r.status.rawValue), "registered_at": .string(r.registeredAt.iso),
            "registered_by_self": .bool(r.registeredBy == r.patronCard),
            "event_title": .optional(found?.event.title), "session_start": .optional(found?.session.start.iso),
            "library": found.map { library($0.session.library) } ?? .null,
        ])
    }
}
