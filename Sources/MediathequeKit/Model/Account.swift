/// Everything one patron's own account holds, as of the build's reference date.
///
/// The history holds only the returned loans inside the window: the reader never
/// loads older ones, so they cannot leak into any output.
public struct Account: Hashable, Sendable {
    public var patron: Patron
    public var loans: [Loan]
    public var holds: [Hold]
    public var history: [HistoryEntry]
    public var reviews: [Review]
    public var shelves: [Shelf]
    public var searches: [SavedSearch]
    public var registrations: [Registration]

    public init(patron: Patron, loans: [Loan] = [], holds: [Hold] = [], history: [HistoryEntry] = [],
                reviews: [Review] = [], shelves: [Shelf] = [], searches: [SavedSearch] = [],
                registrations: [Registration] = []) {
        self.patron = patron
        self.loans = loans
        self.holds = holds
        self.history = history
        self.reviews = reviews
        self.shelves = shelves
        self.searches = searches
        self.registrations = registrations
    }
}

/// A patron's folder: their own account and the accounts shared with them
/// ("Comptes partagés"), the members in a stable order.
public struct PatronBundle: Hashable, Sendable {
    public var own: Account
    /// Accounts whose holder is `own.patron`: the member's loans, holds and registrations.
    public var shared: [Account]

    public init(own: Account, shared: [Account] = []) {
        self.own = own
        self.shared = shared
    }

    /// Own account first, then each shared account: the order of every page and of the summary.
    public var accounts: [Account] { [own] + shared }
}
