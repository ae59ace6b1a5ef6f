import MediathequeKit

/// A table of the summary, or the sentence that stands for it when it has no row.
struct TablePart: Hashable {
    /// "Prêts (5)".
    var heading: String
    /// "Vous n'avez pas de réservation".
    var emptyMessage: String
    var columns: [Column]
    var rows: [Row]
    /// Shown under the table when a row is marked late.
    var legend: String?

    struct Column: Hashable {
        var title: String
        /// Share of the table's width, relative to the other columns.
        var weight: Double
        var alignment: TextAlignment = .left
    }

    struct Row: Hashable {
        var cells: [String]
        /// A late loan: bold, shaded, marked, and worded "En retard".
        var isLate = false
    }

    /// The column of the loans table that carries the late marker.
    static let loanStateColumn = 5

    static func loans(_ loans: [Loan], today: Day, rules: Rules) -> TablePart {
        let sorted = loans.sorted { ($0.dueOn, $0.document.title, $0.id) < ($1.dueOn, $1.document.title, $1.id) }
        let rows = sorted.map { loan in
            let state = loan.state(today: today, rules: rules)
            let renewal = loan.renewal(today: today, rules: rules)
            return Row(cells: [Text.printable(loan.document.title), Text.printable(loan.barcode),
                               Text.printable(loan.document.kind), Text.printable(loan.library.name),
                               loan.dueOn.french, state.label, renewal.refusal?.reason ?? "Possible"],
                       isLate: state == .late)
        }
        return TablePart(
            heading: "Prêts (\(loans.count))", emptyMessage: "Vous n'avez pas d'emprunt en cours",
            columns: [Column(title: "Titre", weight: 138), Column(title: "Code-barres", weight: 70),
                      Column(title: "Document", weight: 52), Column(title: "Emprunté à", weight: 58),
                      Column(title: "Retour le", weight: 50), Column(title: "Etat", weight: 68),
                      Column(title: "Prolongation", weight: 87)],
            rows: rows,
            legend: rows.contains(where: \.isLate)
                ? "En retard : document à rendre au plus vite ; il ne peut plus être prolongé." : nil)
    }

    static func holds(_ holds: [Hold]) -> TablePart {
        let sorted = holds.sorted { a, b in
            switch (a.state, b.state) {
            case let (.available(_, untilA), .available(_, untilB)):
                (untilA, a.placedOn, a.id) < (untilB, b.placedOn, b.id)
            case (.available, .waiting): true
            case (.waiting, .available): false
            case let (.waiting(rankA), .waiting(rankB)):
                (rankA, a.placedOn, a.id) < (rankB, b.placedOn, b.id)
            }
        }
        let rows = sorted.map { hold in
            var availableOn = "", availableUntil = ""
            if case .available(let on, let until) = hold.state {
                availableOn = on.french
                availableUntil = until.french
            }
            return Row(cells: [Text.printable(hold.document.title), Text.printable(hold.document.kind),
                               hold.placedOn.french, availableOn, availableUntil,
                               Text.printable(hold.pickupLibrary.name), hold.state.rankLabel])
        }
        return TablePart(
            heading: "Réservations (\(holds.count))", emptyMessage: "Vous n'avez pas de réservation",
            columns: [Column(title: "Titre", weight: 167), Column(title: "Document", weight: 52),
                      Column(title: "Réservé le", weight: 52), Column(title: "Mise à disposition", weight: 56),
                      Column(title: "Disponible jusqu'au", weight: 58),
                      Column(title: "Lieu de mise à disposition", weight: 86),
                      Column(title: "Rang", weight: 52)],
            rows: rows, legend: nil)
    }

    /// Registrations for sessions that end today or later, soonest first. A registration
    /// whose event is no longer in the feed has no date to show and is left out.
    static func registrations(_ registrations: [Registration], today: Day,
                              sessions: (SessionKey) -> (event: Event, session: Session)?) -> TablePart {
        let coming = registrations.compactMap { registration -> (Registration, Event, Session)? in
            guard let found = sessions(SessionKey(eventID: registration.eventID, sessionID: registration.sessionID)),
                  found.session.end.day >= today else { return nil }
            return (registration, found.event, found.session)
        }.sorted { a, b in
            (a.2.start, a.1.title, a.0.id) < (b.2.start, b.1.title, b.0.id)
        }
        let rows = coming.map { registration, event, session in
            let end = session.end.day == session.start.day
                ? session.end.frenchTime : "\(session.end.day.french) \(session.end.frenchTime)"
            var status = registration.status.label
            switch session.status {
            case .scheduled: break
            case .cancelled: status += " (séance annulée)"
            case .postponed: status += " (séance reportée)"
            }
            return Row(cells: [Text.printable(event.title),
                               "\(session.start.day.french) \(session.start.frenchTime)", end,
                               Text.printable(session.library.name), status])
        }
        return TablePart(
            heading: "Inscriptions aux animations (\(rows.count))",
            emptyMessage: "Vous n'avez pas d'inscription à une animation à venir",
            columns: [Column(title: "Animation", weight: 206), Column(title: "Début", weight: 72),
                      Column(title: "Fin", weight: 72), Column(title: "Site", weight: 80),
                      Column(title: "Inscription", weight: 93)],
            rows: rows, legend: nil)
    }
}
