/// Links every public page carries (header, `<head>`).
struct SiteLinksView {
    var home: String
    var agenda: String
    var feed: String
    /// The search page, when the site has one.
    var search: String?
}
