import Mustache

/// What the layout template needs on every page.
struct PageView {
    var networkName: String
    var title: String
    /// Relative path from the page to the folder that holds `assets/` (`""`, `"../"`, ...).
    var root: String
    /// Private pages: never indexed, never sent as referrer.
    var isPrivate: Bool
    /// "Situation au …": on public pages and on the private files that carry the date
    /// (``PrivateFolderLayout/datedFiles``). The other private pages leave it out, so
    /// that they stay the same from one night to the next while their states do.
    var today: String?

    init(content: SiteContent, title: String, depth: Int, isPrivate: Bool = false) {
        networkName = content.config.networkName
        self.title = title
        root = String(repeating: "../", count: depth)
        self.isPrivate = isPrivate
        today = isPrivate ? nil : content.today.french
    }

    /// The same page, dated.
    func dated(_ content: SiteContent) -> PageView {
        var page = self
        page.today = content.today.french
        return page
    }
}

// Every page looks these up, several times: a switch, not a `Mirror` (see the private views).
extension PageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "networkName": self.networkName
        case "title": self.title
        case "root": self.root
        case "isPrivate": self.isPrivate
        case "today": self.today
        default: nil
        }
    }
}
