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
        /// What the column's width must hold whole, beyond the words of its title.
        var fit = Fit.wrap
    }

    /// How much of a column's cells stays whole: a barcode or a date read cut in two is
    /// another value, and a word cut in two is hard to read.
    enum Fit: Hashable {
        /// Titles: long, they wrap between words, and a word too long for the page between characters.
        case wrap
        /// Every word of every cell (a library, a kind, a state).
        case words
        /// Every cell on one line (a barcode, a date, a time).
        case whole
    }

    struct Row: Hashable {
        var cells: [String]
        /// A late loan: bold, shaded, marked, and worded "En retard".
        var isLate = false
    }

    /// The column of the loans table that carries the late marker.
    static let loanStateColumn = LoansTable.columns.firstIndex(of: .state)!

    static func loans(_ loans: [Loan], today: Day, rules: Rules) -> TablePart {
        let rows = LoansTable.rows(loans, today: today, rules: rules, reading: .kept).map { row in
            Row(cells: LoansTable.columns.map { PDFText.printable(row.text($0)) }, isLate: row.state == .late)
        }
        return TablePart(
            heading: Wording.Summary.loansHeading(loans.count), emptyMessage: Wording.Summary.noLoans,
            columns: LoansTable.columns.map { Column(title: $0.label, weight: loanColumnWeight($0), fit: loanColumnFit($0)) },
            rows: rows, legend: rows.contains(where: \.isLate) ? Wording.lateLegend : nil)
    }

    private static func loanColumnFit(_ column: LoansTable.Column) -> Fit {
        switch column {
        case .title: .wrap
        case .barcode, .dueOn: .whole
        case .kind, .library, .state, .awaited, .renewal: .words
        }
    }

    /// A loans column's share of the page's width.
    private static func loanColumnWeight(_ column: LoansTable.Column) -> Double {
        switch column {
        case .title: 126
        case .barcode: 70
        case .kind: 54
        case .library: 60
        case .dueOn: 48
        case .state: 56
        case .awaited: 38
        case .renewal: 68
        }
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
            return Row(cells: [PDFText.printable(hold.document.title), PDFText.printable(hold.document.kind),
                               hold.placedOn.french, availableOn, availableUntil,
                               PDFText.printable(hold.pickupLibrary.name), hold.state.rankLabel])
        }
        return TablePart(
            heading: Wording.Summary.holdsHeading(holds.count), emptyMessage: Wording.Summary.noHolds,
            columns: zip(Wording.Summary.holdColumns, [167, 52, 52, 56, 58, 86, 52]).enumerated().map { index, column in
                Column(title: column.0, weight: column.1, fit: index == 0 ? .wrap : (2...4).contains(index) ? .whole : .words)
            },
            rows: rows, legend: nil)
    }

    /// The coming registrations (``ComingRegistrations``), as the summary page shows them.
    static func registrations(_ registrations: [Registration], today: Day,
                              sessions: (SessionKey) -> (event: Event, session: Session)?) -> TablePart {
        let coming = ComingRegistrations.of(registrations, today: today, sessions: sessions)
        let rows = coming.map { registration, event, session in
            let end = session.end.day == session.start.day
                ? session.end.frenchTime : "\(session.end.day.french) \(session.end.frenchTime)"
            return Row(cells: [PDFText.printable(event.title),
                               "\(session.start.day.french) \(session.start.frenchTime)", end,
                               PDFText.printable(session.library.name),
                               Wording.Summary.registration(registration.status, session: session.status)])
        }
        return TablePart(
            heading: Wording.Summary.registrationsHeading(rows.count), emptyMessage: Wording.Summary.noRegistrations,
            columns: zip(Wording.Summary.registrationColumns, [206, 72, 72, 80, 93]).enumerated().map { index, column in
                Column(title: column.0, weight: column.1, fit: index == 0 ? .wrap : .words)
            },
            rows: rows, legend: nil)
    }
}
