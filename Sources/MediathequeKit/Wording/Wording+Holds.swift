extension Wording {
    /// The caption of an account's holds table.
    public static func holdsCaption(_ heading: String) -> String { "Réservations — \(heading)" }

    /// The caption of an account's registrations table on the summary.
    public static func registrationsCaption(_ heading: String) -> String { "Inscriptions aux animations — \(heading)" }
}

extension HoldState {
    /// The guide's 'Rang' column: the rank, or 'Disponible'.
    public var rankLabel: String {
        switch self {
        case .waiting(let rank): String(rank)
        case .available: "Disponible"
        }
    }
}
