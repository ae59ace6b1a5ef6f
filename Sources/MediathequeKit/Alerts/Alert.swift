/// One patron's alert of the day, as plain values: the followed searches due today that
/// have something new, and what. The message's wording and encoding are the composer's
/// and the mail writer's business.
public struct Alert: Sendable {
    public var patron: Patron
    /// The reference day: the message is dated from it.
    public var day: Day
    /// In the patron's order of searches; never empty.
    public var sections: [AlertSection]
}

/// A followed search's new results.
public struct AlertSection: Sendable {
    public var search: SavedSearch
    public var window: AlertWindow
    /// Every new result, newest document first or in session order; never empty.
    public var items: [AlertItem]
}

/// A new result: a catalogue document, or an event with the coming sessions the search matches.
public enum AlertItem: Sendable {
    case document(Document)
    case event(Event, sessions: [Session])
}
