/// The words of the patron's own things: reviews, shelves, saved searches, documents.
extension Review.Status {
    public var label: String {
        switch self {
        case .pending: "en attente de modération"
        case .published: "publié"
        case .rejected: "refusé"
        }
    }
}

extension Shelf.Kind {
    /// The kind of a shelf, as the guide names the default categories.
    public var label: String {
        switch self {
        case .basket: "Mon panier"
        case .read: "J'ai lu"
        case .listened: "J'ai écouté"
        case .watched: "J'ai regardé"
        case .toBorrow: "À emprunter"
        case .custom: "Ma catégorie"
        }
    }
}

extension Wording {
    /// The title of a shelf's page: "Mes favoris : J'ai lu".
    public static func shelfTitle(_ name: String) -> String { "Mes favoris : \(name)" }
}

extension SavedSearch.Frequency {
    public var label: String {
        switch self {
        case .daily: "Tous les jours"
        case .weekly: "Toutes les semaines"
        case .monthly: "Tous les mois"
        }
    }
}

extension Document {
    /// Kind, authors and year as the catalogue shows them: 'Vidéo | Carrié, Stéphane. Auteur | 2022'
    /// (as the inputs have them: the caller cleans them for its format).
    public var facts: [String] { [kind, authors, year.map(String.init)].compactMap { $0 } }
}
