import Mustache

/// What the layout template needs on every page.
///
/// The views the templates read are classes, their properties constants: the renderer
/// passes each as `Any` through every lookup, and a reference costs one retain where a
/// struct was copied field by field, into a box of its own, at every step.
final class PageView {
    let networkName: String
    let title: String
    /// Relative path from the page to the folder that holds `assets/` (`""`, `"../"`, ...).
    let root: String
    /// Private pages: never indexed, never sent as referrer.
    let isPrivate: Bool
    /// "Situation au …": on public pages and on the private files that carry the date
    /// (``PrivateFolderLayout/datedFiles``). The other private pages leave it out, so
    /// that they stay the same from one night to the next while their states do.
    let today: String?

    init(networkName: String, title: String, root: String, isPrivate: Bool, today: String?) {
        self.networkName = networkName
        self.title = title
        self.root = root
        self.isPrivate = isPrivate
        self.today = today
    }

    convenience init(content: SiteContent, title: String, depth: Int, isPrivate: Bool = false) {
        self.init(networkName: content.config.networkName, title: title, root: String(repeating: "../", count: depth),
                  isPrivate: isPrivate, today: isPrivate ? nil : content.today.french)
    }

    /// The same page, dated.
    func dated(_ content: SiteContent) -> PageView {
        PageView(networkName: networkName, title: title, root: root, isPrivate: isPrivate, today: content.today.french)
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
