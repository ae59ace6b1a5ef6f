/// The library portal's pages where a patron does what a static page cannot: renew a
/// loan, cancel a hold, review a document… Each is a ``URLPattern`` of `Site/site.conf`
/// naming only the object it acts on, never a card number, a name or a token: the
/// portal authenticates the patron itself, and its logs learn nothing more.
///
/// A pattern left empty means the portal has no such page: the action is not shown.
public struct PortalActions: Hashable, Sendable, CustomStringConvertible {
    public enum Action: Int, CaseIterable, Sendable {
        case catalogueRecord, renewLoan, renewLoans, cancelHold, writeReview, addToFavourites
        case editProfile, changePassword, manageSharedAccounts, editSearch, disableSearch, deleteSearch, portal

        /// Its key in `site.conf`.
        public var key: String {
            switch self {
            case .catalogueRecord: "catalogue_record_url"
            case .renewLoan: "renew_loan_url"
            case .renewLoans: "renew_loans_url"
            case .cancelHold: "cancel_hold_url"
            case .writeReview: "review_url"
            case .addToFavourites: "add_to_favourites_url"
            case .editProfile: "edit_profile_url"
            case .changePassword: "change_password_url"
            case .manageSharedAccounts: "shared_accounts_url"
            case .editSearch: "edit_search_url"
            case .disableSearch: "disable_search_url"
            case .deleteSearch: "delete_search_url"
            case .portal: "portal_url"
            }
        }

        /// The placeholders its pattern may hold; it must hold one of them when there are any.
        public var placeholders: [String] {
            switch self {
            case .catalogueRecord, .writeReview, .addToFavourites: ["document"]
            case .renewLoan: ["loan", "barcode"]
            case .cancelHold: ["hold"]
            case .editSearch, .disableSearch, .deleteSearch: ["search"]
            // A form's action (the selected loans are sent as `loan` fields), or a page of the patron's own.
            case .renewLoans, .editProfile, .changePassword, .manageSharedAccounts, .portal: []
            }
        }
    }

    /// By ``Action``'s raw value: an array, so that the configuration prints the same way
    /// every run (its text is part of every fingerprint).
    private var patterns = [URLPattern?](repeating: nil, count: Action.allCases.count)

    public init() {}

    public subscript(action: Action) -> URLPattern? {
        get { patterns[action.rawValue] }
        set { patterns[action.rawValue] = newValue }
    }

    /// The actions the portal does not offer (their patterns are empty).
    public var off: [Action] { Action.allCases.filter { self[$0] == nil } }

    public var description: String {
        Action.allCases.map { "\($0.key)=\(self[$0]?.description ?? "")" }.joined(separator: " ")
    }

    /// Reads `value` as the pattern of `action`; an empty value switches the action off.
    mutating func set(_ action: Action, _ value: String) throws(URLPattern.Problem) {
        self[action] = value.isEmpty ? nil
            : try URLPattern(value, placeholders: action.placeholders, required: action.placeholders.isEmpty ? 0 : 1)
    }
}
