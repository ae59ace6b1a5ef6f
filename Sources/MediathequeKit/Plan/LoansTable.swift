/// The guide's loans table, defined once for `prets.html`, `synthese.html` and the
/// summary PDF: its columns, in order, and the order of its rows.
///
/// Each output lays the cells out its own way (markup, a PDF grid) and cleans the
/// inputs' text for its format, but none chooses columns or sorts loans itself.
public enum LoansTable {
    public enum Column: CaseIterable, Sendable {
        case title, barcode, kind, library, dueOn, state, awaited, renewal
    }

    /// One loan as the table shows it, judged on the reference date.
    public struct Row {
        public let loan: Loan
        public let state: LoanState
        public let renewal: Renewal

        /// The text of `column`, from the inputs as they are (the caller cleans it).
        public func text(_ column: Column) -> String {
            switch column {
            case .title: loan.document.title
            case .barcode: loan.barcode
            case .kind: loan.document.kind
            case .library: loan.library.name
            case .dueOn: loan.dueOn.french
            case .state: state.label
            case .awaited: Wording.yesNo(loan.awaitedByAnother)
            case .renewal: renewal.label
            }
        }
    }

    public static let columns = Column.allCases

    /// The account's loans, soonest due first, loans due the same day in the order they were lent.
    public static func rows(_ loans: [Loan], today: Day, rules: Rules, reading: Reading = .live) -> [Row] {
        loans.sorted { ($0.dueOn, $0.id) < ($1.dueOn, $1.id) }.map { loan in
            Row(loan: loan, state: loan.state(today: today, rules: rules, reading: reading),
                renewal: loan.renewal(today: today, rules: rules))
        }
    }
}
