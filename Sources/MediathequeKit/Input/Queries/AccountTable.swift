/// What a patron's own account is read from, in the order a patron is read: a query each,
/// streamed in card order alongside the patrons, and a tag each in the folder's digest.
/// The switches have no `default`: a new table is read and digested once it is mapped.
enum AccountTable: CaseIterable {
    case patron, loan, hold, registration
    /// Loans returned within the history's window.
    case history
    case review, shelf, shelfEntry, search, facet

    var query: AccountQuery {
        switch self {
        case .patron: .patrons
        case .loan: .loans
        case .hold: .holds
        case .registration: .registrations
        case .history: .history
        case .review: .reviews
        case .shelf: .shelves
        case .shelfEntry: .shelfEntries
        case .search: .searches
        case .facet: .facets
        }
    }

    var digestTag: RowDigest.Table {
        switch self {
        case .patron: .patron
        case .loan: .loan
        case .hold: .hold
        case .registration: .registration
        case .history: .history
        case .review: .review
        case .shelf: .shelf
        case .shelfEntry: .shelfEntry
        case .search: .search
        case .facet: .facet
        }
    }
}
