/// One person's registration for one session of an agenda event.
public struct Registration: Hashable, Sendable {
    public var id: Int64
    public var patronCard: String
    /// The account that made it: a holder may register the members of shared accounts.
    public var registeredBy: String
    public var eventID: String
    public var sessionID: String
    public var status: Status
    public var registeredAt: LocalDateTime

    public init(id: Int64, patronCard: String, registeredBy: String, eventID: String, sessionID: String,
                status: Status, registeredAt: LocalDateTime) {
        self.id = id
        self.patronCard = patronCard
        self.registeredBy = registeredBy
        self.eventID = eventID
        self.sessionID = sessionID
        self.status = status
        self.registeredAt = registeredAt
    }

    public enum Status: String, Hashable, Sendable, CaseIterable {
        case confirmed, waitlisted, refused, cancelled
    }
}
