/// A current loan ("prêt") with what the rules need to judge it.
public struct Loan: Hashable, Sendable {
    public var id: Int64
    public var barcode: String
    public var document: Document
    /// 'Emprunté à'.
    public var library: Library
    public var borrowedOn: Day
    /// 'Retour le'.
    public var dueOn: Day
    public var renewals: Int
    /// 'Attendu par un autre usager': another patron has a waiting hold on the document.
    public var awaitedByAnother: Bool

    public init(id: Int64, barcode: String, document: Document, library: Library, borrowedOn: Day,
                dueOn: Day, renewals: Int = 0, awaitedByAnother: Bool = false) {
        self.id = id
        self.barcode = barcode
        self.document = document
        self.library = library
        self.borrowedOn = borrowedOn
        self.dueOn = dueOn
        self.renewals = renewals
        self.awaitedByAnother = awaitedByAnother
    }

    /// The guide's "État" on `today`; a kept document's never "À rendre bientôt" (``Reading``).
    public func state(today: Day, rules: Rules, reading: Reading = .live) -> LoanState {
        if dueOn < today { return .late }
        if reading == .live, today.days(to: dueOn) <= rules.dueSoonDays { return .dueSoon }
        return .ongoing
    }

    /// The first day after `today` on which the loan reads differently (its state, its
    /// renewal, the account in brief). Live: due in `dueSoonDays` days, due tomorrow, due
    /// today, late. Kept (``Reading``): late, the only one a document shows. `nil` once it
    /// is late: the same rows then read the same every day.
    public func nextChange(after today: Day, rules: Rules, reading: Reading = .live) -> Day? {
        let days = switch reading {
        case .live: [dueOn.adding(days: -rules.dueSoonDays), dueOn.adding(days: -1), dueOn, dueOn.adding(days: 1)]
        case .kept: [dueOn.adding(days: 1)]
        }
        return days.filter { $0 > today }.min()
    }

    /// Whether the loan can be renewed on line, and if not, why (the guide's red mark).
    public func renewal(today: Day, rules: Rules) -> Renewal {
        if dueOn < today { return .refused(.late) }
        if rules.maxRenewals == 0 { return .refused(.notRenewable) }
        if renewals >= rules.maxRenewals { return .refused(.alreadyRenewed(limit: rules.maxRenewals)) }
        if awaitedByAnother { return .refused(.awaitedByAnother) }
        return .allowed
    }
}

/// The guide's "État" column.
public enum LoanState: String, Hashable, Sendable, CaseIterable {
    case late, dueSoon, ongoing
}

public enum Renewal: Hashable, Sendable {
    case allowed
    case refused(RenewalRefusal)

    public var isAllowed: Bool { self == .allowed }
    public var refusal: RenewalRefusal? {
        if case .refused(let reason) = self { reason } else { nil }
    }
}

/// Why a loan cannot be renewed: the three cases the guide lists, and a network whose
/// rules allow no renewal at all.
public enum RenewalRefusal: Hashable, Sendable {
    case late
    /// Renewed as many times as the rules allow (`limit`, one or more).
    case alreadyRenewed(limit: Int)
    case awaitedByAnother
    /// The rules allow no renewal (`max_renewals = 0`).
    case notRenewable
}
