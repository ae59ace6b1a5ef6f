/// The days whose new results an alert lists: from the date alone, so that two runs for the
/// same day give the same messages and a missed night is caught up with `--today`.
public struct AlertWindow: Hashable, Sendable {
    public var first: Day
    public var last: Day

    public init(first: Day, last: Day) {
        self.first = first
        self.last = last
    }

    public func contains(_ day: Day) -> Bool { first <= day && day <= last }

    /// Whether the window is one calendar month, from its first day to its last.
    public var isWholeMonth: Bool {
        first.day == 1 && first.year == last.year && first.month == last.month && last.adding(days: 1).day == 1
    }
}

extension SavedSearch.Frequency {
    /// The window a search of this frequency sends on `today`, or `nil` when it is not due:
    /// - daily: every day, the day before;
    /// - weekly: on Mondays, the seven days before;
    /// - monthly: on the 1st, the previous month.
    ///
    /// Consecutive windows of one frequency meet end to end: every day is in exactly one.
    public func window(sentOn today: Day) -> AlertWindow? {
        let yesterday = today.adding(days: -1)
        switch self {
        case .daily:
            return AlertWindow(first: yesterday, last: yesterday)
        case .weekly:
            return today.weekday == 1 ? AlertWindow(first: today.adding(days: -7), last: yesterday) : nil
        case .monthly:
            return today.day == 1 ? AlertWindow(first: today.adding(months: -1), last: yesterday) : nil
        }
    }

    /// The frequencies due on `today`.
    public static func due(on today: Day) -> [Self] { allCases.filter { $0.window(sentOn: today) != nil } }
}
