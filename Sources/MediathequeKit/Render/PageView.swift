/// What the layout template needs on every page.
struct PageView {
    var networkName: String
    var title: String
    /// Relative path from the page to the folder that holds `assets/` (`""`, `"../"`, ...).
    var root: String
    /// Private pages: never indexed, never sent as referrer.
    var isPrivate: Bool
    var today: String

    init(content: SiteContent, title: String, depth: Int, isPrivate: Bool = false) {
        networkName = content.config.networkName
        self.title = title
        root = String(repeating: "../", count: depth)
        self.isPrivate = isPrivate
        today = content.today.french
    }
}
