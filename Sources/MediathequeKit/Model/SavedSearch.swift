/// A saved search ("Mes centres d'intérêt") over the catalogue or the agenda.
public struct SavedSearch: Hashable, Sendable {
    public var id: Int64
    public var name: String
    public var scope: Scope
    /// The words typed in the search box; may be empty.
    public var query: String
    public var createdOn: Day
    public var followed: Bool
    public var frequency: Frequency
    /// A search switched off (grey button) gets no feed.
    public var active: Bool
    /// Facet name → accepted values: values of one facet are ORed, facets are ANDed.
    public var facets: [String: [String]]

    public init(id: Int64, name: String, scope: Scope, query: String, createdOn: Day, followed: Bool,
                frequency: Frequency, active: Bool, facets: [String: [String]] = [:]) {
        self.id = id
        self.name = name
        self.scope = scope
        self.query = query
        self.createdOn = createdOn
        self.followed = followed
        self.frequency = frequency
        self.active = active
        self.facets = facets
    }

    public enum Scope: String, Hashable, Sendable, CaseIterable {
        case catalogue, agenda

        /// The facets a search of this scope may carry.
        public var facetNames: Set<String> {
            switch self {
            case .catalogue: ["kind", "genre", "library", "audience", "year_from", "year_to"]
            case .agenda: ["category", "library", "audience", "date_from", "date_to"]
            }
        }
    }

    public enum Frequency: String, Hashable, Sendable, CaseIterable {
        case daily, weekly, monthly
    }
}
