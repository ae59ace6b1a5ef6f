/// One occurrence of an event: a place, a time and how to register.
public struct Session: Hashable, Sendable {
    public var id: String
    public var library: Library
    public var start: LocalDateTime
    public var end: LocalDateTime
    public var registration: RegistrationMode
    /// Number of places; `nil` means no limit ('Pas de limite').
    public var capacity: Int?
    public var opens: LocalDateTime?
    public var closes: LocalDateTime?
    public var status: Status

    public init(id: String, library: Library, start: LocalDateTime, end: LocalDateTime,
                registration: RegistrationMode, capacity: Int? = nil, opens: LocalDateTime? = nil,
                closes: LocalDateTime? = nil, status: Status = .scheduled) {
        self.id = id
        self.library = library
        self.start = start
        self.end = end
        self.registration = registration
        self.capacity = capacity
        self.opens = opens
        self.closes = closes
        self.status = status
    }

    public enum RegistrationMode: String, Hashable, Sendable, CaseIterable {
        /// Free entry, no registration ('Entrée libre').
        case none
        /// At the library or by phone, not on line.
        case desk
        /// On line.
        case online
    }

    public enum Status: String, Hashable, Sendable, CaseIterable {
        case scheduled, cancelled, postponed
    }

    /// Places left: capacity minus confirmed registrations, never below 0; `nil` for no limit.
    public func placesRemaining(confirmed: Int) -> Int? {
        capacity.map { max(0, $0 - confirmed) }
    }

    /// The registration status the portal shows for this session at `now`
    /// (the table of the agenda feed's specification, first matching row wins).
    public func registrationStatus(now: LocalDateTime, confirmed: Int) -> RegistrationStatus {
        switch status {
        case .cancelled: return .cancelled
        case .postponed: return .postponed
        case .scheduled: break
        }
        if end <= now { return .ended }
        switch registration {
        case .none: return .freeEntry
        case .desk: return .atDesk
        case .online:
            if let opens, now < opens { return .opensLater(opens) }
            if let closes, now >= closes { return .closed }
            if placesRemaining(confirmed: confirmed) == 0 { return .full }
            return .open
        }
    }

    /// The first day after `today` whose start (the build's clock, ``SiteContent/now``)
    /// gives another ``registrationStatus(now:confirmed:)``: registration opens or closes,
    /// or the session ends.
    public func nextStatusChange(after today: Day) -> Day? {
        guard status == .scheduled else { return nil }
        let moments = registration == .online ? [opens, closes, end] : [end]
        return moments.compactMap { $0 }.map(Self.firstDayReaching).filter { $0 > today }.min()
    }

    /// The first day after `today` on which the session has ended, cancelled or not: it
    /// leaves the coming sessions (``SiteContent/comingSessions``).
    public func endsOn(after today: Day) -> Day? {
        let day = Self.firstDayReaching(end)
        return day > today ? day : nil
    }

    /// Whether the session has ended by the start of `today` (the build's clock), cancelled
    /// or not: the day ``endsOn(after:)`` names, and every day after it.
    public func isOver(on today: Day) -> Bool { endsOn(after: today) == nil }

    /// The first day whose start (the build's clock) is at or after `moment`.
    private static func firstDayReaching(_ moment: LocalDateTime) -> Day {
        moment.secondOfDay == 0 ? moment.day : moment.day.adding(days: 1)
    }
}

/// What a session's row says about registering, and whether its link is active.
public enum RegistrationStatus: Hashable, Sendable {
    case cancelled, postponed, ended, freeEntry, atDesk
    case opensLater(LocalDateTime)
    case closed, full, open

    /// Only an open on-line registration gets an active "S'inscrire" link.
    public var canRegister: Bool { self == .open }

    /// A short machine name, for CSS classes and data exports.
    public var code: String {
        switch self {
        case .cancelled: "cancelled"
        case .postponed: "postponed"
        case .ended: "ended"
        case .freeEntry: "free"
        case .atDesk: "desk"
        case .opensLater: "opens-later"
        case .closed: "closed"
        case .full: "full"
        case .open: "open"
        }
    }

}
