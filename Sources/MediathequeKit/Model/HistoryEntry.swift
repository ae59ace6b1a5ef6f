/// A returned loan of the history ("Historique de prêts").
public struct HistoryEntry: Hashable, Sendable {
    public var loanID: Int64
    public var document: Document
    public var library: Library
    public var borrowedOn: Day
    public var dueOn: Day
    /// 'Rendu le'.
    public var returnedOn: Day

    public init(loanID: Int64, document: Document, library: Library, borrowedOn: Day, dueOn: Day, returnedOn: Day) {
        self.loanID = loanID
        self.document = document
        self.library = library
        self.borrowedOn = borrowedOn
        self.dueOn = dueOn
        self.returnedOn = returnedOn
    }

    /// 'Durée du prêt' in days: borrowed and returned the same day is 0.
    public var loanDays: Int { max(0, borrowedOn.days(to: returnedOn)) }
    /// 'Retard' in days: 0 when returned on or before the due date.
    public var daysLate: Int { max(0, dueOn.days(to: returnedOn)) }

    /// Whether the entry is shown at all on `today`: only within the history window.
    public func isVisible(today: Day, rules: Rules) -> Bool {
        returnedOn >= rules.historyStart(today: today) && returnedOn <= today
    }

}
