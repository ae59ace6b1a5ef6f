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

    /// The sessions table's "Actions" when there is no "S'inscrire": why, where a patron could
    /// expect one. `nil` for an open registration (the link), for free entry (nothing to do),
    /// and for a session cancelled, postponed or over (its status says it all).
    public var onlineRegistrationNote: String? {
        switch self {
        case .open, .freeEntry, .cancelled, .postponed, .ended: nil
        case .atDesk: "Inscription à la médiathèque"
        case .opensLater: "Inscription en ligne pas encore ouverte"
        case .closed, .full: "Inscription en ligne impossible"
        }
    }

    /// Said before a session's title in the lists, where the title alone would be struck through.
    public var notice: String? {
        switch self {
        case .cancelled: "Séance annulée"
        case .postponed: "Séance reportée"
        default: nil
        }
    }

    /// 'Places restantes : N' or 'Pas de limite'.
    public static func placesLabel(_ remaining: Int?) -> String {
        remaining.map { "Places restantes : \($0)" } ?? noLimit
    }

    /// The sessions table's "Places restantes" of a session with no limit.
    public static let noLimit = "Pas de limite"
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

extension Wording {
    /// A registration whose event has left the feed: its title, from the reference the registration keeps.
    public static func removedEvent(reference: String) -> String { "Animation retirée de l'agenda (référence \(quoted(reference)))" }
    public static let sessionGone = "Cette séance n'est plus au programme"
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

/// The agenda's sentences, shared by its pages, its calendars and its feeds. Names come
/// as the caller has cleaned them for its format.
extension Wording {
    public enum Agenda {
        public static let title = "Agenda des médiathèques"
        /// The breadcrumb's first steps.
        public static let home = "Accueil"
        public static let agenda = "Agenda"
        public static let homeDescription = "Les animations à venir dans les médiathèques : ateliers, lectures, conférences, clubs."
        /// `agenda.ics`.
        public static let calendarDescription = "Toutes les animations à venir des médiathèques"
        /// `agenda.rss`.
        public static let feedDescription = "Les animations à venir des médiathèques"
        public static let allIntro = "Toutes les animations à venir, jour par jour."
        public static let allScope = "Toutes les animations"
        public static let noneComing = "Aucune animation à venir pour le moment."
        public static let noneThisMonth = "Aucune animation à venir ce mois-ci."
        public static let noneAtLibrary = "Aucune animation à venir dans cette médiathèque pour le moment."
        public static let noneInCategory = "Aucune animation à venir dans cette catégorie pour le moment."
        /// The search page's title, and its link in every page's navigation.
        public static let search = "Rechercher une animation"
        public static let searchDescription = "Chercher une animation à venir par mot, puis par médiathèque, catégorie, public et mois."

        /// "Agenda : Tarentaize", "Agenda : Mars 2025".
        public static func heading(_ name: String) -> String { "Agenda : \(name)" }

        /// "Les animations à venir à la médiathèque Tarentaize": a library's page and calendar.
        public static func atLibrary(_ name: String) -> String { "Les animations à venir à la médiathèque \(name)" }
        public static func libraryScope(_ name: String) -> String { "Les animations de \(name)" }

        /// A category's page says it in full; its calendar, in short.
        public static func inCategory(_ name: String) -> String { "Les animations à venir de la catégorie \(Wording.quoted(name))." }
        public static func categoryCalendar(_ name: String) -> String { "Les animations à venir : \(name)" }
        public static func categoryScope(_ name: String) -> String { "Les animations \(Wording.quoted(name))" }

        /// "Les animations de mars 2025 dans les médiathèques."
        public static func inMonth(_ month: String) -> String { "Les animations de \(month.lowercased()) dans les médiathèques." }

        /// A session in a feed: "vendredi 28 mars 2025 à 19:00, Tarentaize : Sur inscription".
        public static func session(date: String, _ session: Session, status: RegistrationStatus) -> String {
            "\(date) à \(session.start.frenchTime), \(session.library.name) : \(status.label)"
        }
    }
}

/// The words of saved searches ("Mes centres d'intérêt") and their feeds.
extension Wording {
    public enum SavedSearches {
        /// The facets a search shows, in this order, with their labels.
        public static let facetLabels: [(facet: String, label: String)] = [
            ("kind", "Type de document"), ("genre", "Genre"), ("category", "Catégorie"), ("library", "Bibliothèque"),
            ("audience", "Public"), ("year_from", "Année à partir de"), ("year_to", "Année jusqu'à"),
            ("date_from", "À partir du"), ("date_to", "Jusqu'au"),
        ]

        public static func scope(_ scope: SavedSearch.Scope) -> String { scope == .catalogue ? "Catalogue" : "Agenda" }
        public static func following(_ followed: Bool) -> String { followed ? "Recherche suivie" : "Non suivie" }
        public static func results(_ count: Int) -> String { Wording.count(count, "résultat") }
        /// "Mots : louca".
        public static func words(_ query: String) -> String { "Mots : \(query)" }
        /// "Genre : Bande dessinée ou Manga".
        public static func facet(_ label: String, values: [String]) -> String {
            "\(label) : \(values.joined(separator: " ou "))"
        }
        /// A search with no criteria.
        public static func everything(_ scope: SavedSearch.Scope) -> String {
            scope == .catalogue ? "Toutes les nouveautés" : "Toutes les animations"
        }

        public static func feedDescription(_ search: SavedSearch) -> String {
            switch search.scope {
            case .catalogue: "Les nouveautés du catalogue qui correspondent à votre recherche \(Wording.quoted(search.name))."
            case .agenda: "Les animations à venir qui correspondent à votre recherche \(Wording.quoted(search.name))."
            }
        }
    }
}
