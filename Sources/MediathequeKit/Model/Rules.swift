/// The library's configurable rules: the numbers the guide states, as settings.
public struct Rules: Hashable, Sendable {
    /// A loan due within this many days from today (today included) is "À rendre bientôt".
    public var dueSoonDays: Int
    /// Returned loans are shown for this many months (GDPR), then never again.
    public var historyMonths: Int
    /// How many times a loan may be renewed ("prolongé une fois").
    public var maxRenewals: Int

    public init(dueSoonDays: Int = 3, historyMonths: Int = 3, maxRenewals: Int = 1) {
        self.dueSoonDays = dueSoonDays
        self.historyMonths = historyMonths
        self.maxRenewals = maxRenewals
    }

    /// The first day of the loan history window: a loan returned on this day is still shown.
    public func historyStart(today: Day) -> Day { today.adding(months: -historyMonths) }
}
