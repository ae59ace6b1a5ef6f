/// What every public page and every patron folder is planned from: the inputs
/// as read, and the build's reference date.
public struct SiteContent: Sendable {
    public var config: SiteConfiguration
    public var feed: AgendaFeed
    public var libraries: [String: Library]
    /// Confirmed registrations per session, for places remaining.
    public var confirmed: [SessionKey: Int]
    public var patronCount: Int
    /// The build's reference date: every state is relative to it.
    public var today: Day
    /// The day the dated files state (``PrivateFolderLayout/datedFiles``: « Situation au … »,
    /// `reference_date`): the build's date. Tests set another, to check that a folder kept
    /// from that day holds what a build of today would write, but for the day it states.
    public var situationDay: Day
    /// Whether the public site is indexed for search (``Pagefind``): it then has a search page.
    /// Only with coming sessions: the index holds the events that have some.
    public var hasSearch = false

    public init(config: SiteConfiguration, feed: AgendaFeed, libraries: [String: Library],
                confirmed: [SessionKey: Int], patronCount: Int, today: Day) {
        self.config = config
        self.feed = feed
        self.libraries = libraries
        self.confirmed = confirmed
        self.patronCount = patronCount
        self.today = today
        situationDay = today
        sessionIndex = [:]
        var seen: Set<String> = []
        let ids = feed.events.map(\.id).filter { seen.insert($0).inserted }
            .sorted { $0.unicodeScalars.map(\.value).lexicographicallyPrecedes($1.unicodeScalars.map(\.value)) }
        eventFolders = PublicPlan.eventFolders(for: ids)
        for event in feed.events {
            for session in event.sessions {
                sessionIndex[SessionKey(eventID: event.id, sessionID: session.id)] = (event, session)
            }
        }
    }

    private var sessionIndex: [SessionKey: (event: Event, session: Session)]
    /// The folder of each event's page under `agenda/` (``PublicPlan/eventFolders(for:)``).
    public let eventFolders: [String: String]

    /// The public page of an event, absolute: what every link to it (feeds, calendars, the
    /// private pages, the e-mail alerts) names.
    public func eventURL(_ eventID: String) -> String {
        "\(config.baseURL)agenda/\(eventFolders[eventID] ?? Slugger.slug(eventID, fallback: "evenement"))/"
    }

    /// The build's clock: the start of `today` in the network's zone.
    public var now: LocalDateTime { LocalDateTime(day: today) }

    public func session(_ key: SessionKey) -> (event: Event, session: Session)? { sessionIndex[key] }

    public func status(of session: Session, in event: Event) -> RegistrationStatus {
        session.registrationStatus(now: now, confirmed: confirmed[SessionKey(eventID: event.id, sessionID: session.id)] ?? 0)
    }

    public func placesRemaining(of session: Session, in event: Event) -> Int? {
        session.placesRemaining(confirmed: confirmed[SessionKey(eventID: event.id, sessionID: session.id)] ?? 0)
    }

    /// Sessions not yet ended, in start order (cancelled ones included: they are shown as such).
    public var comingSessions: [(event: Event, session: Session)] {
        feed.events.flatMap { event in event.sessions.map { (event, $0) } }
            .filter { $0.1.end > now }
            .sorted { ($0.1.start, $0.0.id, $0.1.id) < ($1.1.start, $1.0.id, $1.1.id) }
    }
}
