extension HoldState {
    /// The guide's 'Rang' column: the rank, or 'Disponible'.
    public var rankLabel: String {
        switch self {
        case .waiting(let rank): String(rank)
        case .available: "Disponible"
        }
    }
}
