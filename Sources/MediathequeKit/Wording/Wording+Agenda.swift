/// The agenda's words: a session's registration status, places left, a patron's
/// registration, accessibility.
extension RegistrationStatus {
    public var label: String {
        switch self {
        case .cancelled: "Annulé"
        case .postponed: "Reporté"
        case .ended: "Terminé"
        case .freeEntry: "Entrée libre"
        case .atDesk: "Sur inscription (à la médiathèque)"
        case .opensLater(let at): "Inscriptions à partir du \(at.day.french) à \(at.frenchTime)"
        case .closed: "Inscriptions closes"
        case .full: "Complet (liste d'attente)"
        case .open: "Sur inscription"
        }
    }

    /// 'Places restantes : N' or 'Pas de limite'.
    public static func placesLabel(_ remaining: Int?) -> String {
        remaining.map { "Places restantes : \($0)" } ?? "Pas de limite"
    }
}

extension Registration.Status {
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

extension Event.Accessibility {
    /// The feed's accessibility codes, spelled out for people.
    public var label: String {
        switch self {
        case .hearing: "Accessible aux personnes en situation de handicap auditif"
        case .visual: "Accessible aux personnes en situation de handicap visuel"
        case .psychic: "Accessible aux personnes en situation de handicap psychique"
        case .motor: "Accessible aux personnes en situation de handicap moteur"
        case .intellectual: "Accessible aux personnes en situation de handicap mental"
        }
    }
}
