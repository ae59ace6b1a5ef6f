/// A saved search's criteria, folded once ("Fée" → "fee"), so that matching is cheap
/// and identical searches of different patrons share one result.
public struct SearchCriteria: Hashable, Sendable {
    public var scope: SavedSearch.Scope
    /// The query's words, folded, unique and sorted: each must start a word of the item.
    public var words: [String]
    /// Folded accepted values of each text facet (`kind`, `genre`, `library`, `audience`,
    /// `category`): values of one facet are ORed, facets are ANDed.
    public var values: [String: Set<String>]
    /// `year_from` / `year_to`: several values of one facet are ORed, so the widest bound wins.
    public var yearFrom: Int?
    public var yearTo: Int?
    /// `date_from` / `date_to`, on the session's start day.
    public var dateFrom: Day?
    public var dateTo: Day?

    /// Text facets; the bounds (`year_*`, `date_*`) are kept apart.
    static let textFacets: Set<String> = ["kind", "genre", "library", "audience", "category"]

    public init(_ search: SavedSearch) {
        scope = search.scope
        words = Array(Set(SearchText.words(search.query))).sorted()
        values = [:]
        for (facet, raw) in search.facets where search.scope.facetNames.contains(facet) {
            switch facet {
            case "year_from": yearFrom = raw.compactMap { Int($0) }.min()
            case "year_to": yearTo = raw.compactMap { Int($0) }.max()
            case "date_from": dateFrom = raw.compactMap { Day(iso: $0) }.min()
            case "date_to": dateTo = raw.compactMap { Day(iso: $0) }.max()
            default:
                if Self.textFacets.contains(facet), !raw.isEmpty { values[facet] = Set(raw.map(SearchText.fold)) }
            }
        }
    }

    /// Whether `value` (folded here) is accepted by `facet`; a facet the search does not set accepts anything.
    func accepts(_ facet: String, _ value: String?) -> Bool {
        guard let accepted = values[facet] else { return true }
        guard let value else { return false }
        return accepted.contains(SearchText.fold(value))
    }

    /// Whether one of `candidates` is accepted by `facet`.
    func acceptsAny(_ facet: String, _ candidates: [String]) -> Bool {
        guard let accepted = values[facet] else { return true }
        return candidates.contains { accepted.contains(SearchText.fold($0)) }
    }
}
