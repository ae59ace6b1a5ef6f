/// A link of the browsing lists, with the number of coming sessions behind it.
struct LinkView {
    var href: String
    var label: String
    var count: Int
    /// The page shown: marked `aria-current="page"`.
    var current: Bool
}

/// The navigation between listings: by month, by library, by category.
struct BrowseView {
    var all: LinkView
    var months: [LinkView]
    var libraries: [LinkView]
    var categories: [LinkView]
    var hasMonths: Bool
    var hasLibraries: Bool
    var hasCategories: Bool
}
