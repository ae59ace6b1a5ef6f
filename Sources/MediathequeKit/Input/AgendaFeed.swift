/// The agenda feed as read: the programme, in the feed's time zone.
public struct AgendaFeed: Hashable, Sendable {
    public static let namespace = "urn:mediatheque:agenda:1"

    /// IANA name of the zone of every local time in the feed.
    public var timeZone: String
    public var generated: LocalDateTime
    public var events: [Event]

    public init(timeZone: String, generated: LocalDateTime, events: [Event]) {
        self.timeZone = timeZone
        self.generated = generated
        self.events = events
    }

    /// The event and session a registration names, if the feed still has them.
    public func session(_ key: SessionKey) -> (event: Event, session: Session)? {
        guard let event = events.first(where: { $0.id == key.eventID }),
              let session = event.sessions.first(where: { $0.id == key.sessionID }) else { return nil }
        return (event, session)
    }
}
