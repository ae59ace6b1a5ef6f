/// One person's registration for one session of an agenda event.
public struct Registration: Hashable, Sendable, Codable {
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

    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case confirmed, waitlisted, refused, cancelled

        /// The guide's 'Inscription' column.
        public var label: String {
            switch self {
            case .confirmed: "Confirmée"
            case .waitlisted: "Liste d'attente"
            case .refused: "Refusée"
            case .cancelled: "Annulée"
            }
        }
    }
}
