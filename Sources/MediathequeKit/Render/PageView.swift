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
    /// (``PrivateFolderLayout/datedFiles``), the day they were rendered for. The other
    /// private pages leave it out.
    let today: String?
    /// The footer's "Accessibilité : partiellement conforme", linking to the statement.
    let accessibility: String
    let accessibilityHref: String
    /// The trail from the home page to this one, between the header and `main`; `nil` for none.
    let breadcrumb: Breadcrumb?

    init(networkName: String, title: String, root: String, isPrivate: Bool, today: String?,
         accessibility: AccessibilityStatement, accessibilityHref: String, breadcrumb: Breadcrumb? = nil) {
        self.networkName = networkName
        self.title = title
        self.root = root
        self.isPrivate = isPrivate
        self.today = today
        self.accessibility = accessibility.compliance.mention
        self.accessibilityHref = accessibilityHref
        self.breadcrumb = breadcrumb
    }

    /// A private page: its links to the public site (the statement) are absolute.
    convenience init(content: SiteContent, title: String, depth: Int, isPrivate: Bool = false, breadcrumb: Breadcrumb? = nil) {
        let config = content.config
        self.init(networkName: config.networkName, title: title, root: String(repeating: "../", count: depth),
                  isPrivate: isPrivate, today: isPrivate ? nil : content.today.french, accessibility: config.accessibility,
                  accessibilityHref: config.baseURL + PublicPlan.accessibilityPath, breadcrumb: breadcrumb)
    }

    private init(_ page: PageView, today: String?) {
        networkName = page.networkName
        title = page.title
        root = page.root
        isPrivate = page.isPrivate
        self.today = today
        accessibility = page.accessibility
        accessibilityHref = page.accessibilityHref
        breadcrumb = page.breadcrumb
    }

    /// The same page, dated.
    func dated(_ content: SiteContent) -> PageView { PageView(self, today: content.situationDay.french) }
}

/// "Accueil › Agenda › Bébés lecteurs": links to the pages above this one, then this
/// one's name, marked as the current page.
final class Breadcrumb {
    final class Crumb {
        let label: String
        /// `nil` for the page itself.
        let href: String?

        init(_ label: String, href: String?) {
            self.label = label
            self.href = href
        }
    }

    let crumbs: [Crumb]

    /// - Parameters:
    ///   - above: each page above this one, from the top, with its link.
    ///   - current: this page's name.
    init(_ above: [(label: String, href: String)], current: String) {
        crumbs = above.map { Crumb($0.label, href: $0.href) } + [Crumb(current, href: nil)]
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
        case "accessibility": self.accessibility
        case "accessibilityHref": self.accessibilityHref
        case "breadcrumb": self.breadcrumb
        default: nil
        }
    }
}

extension Breadcrumb: MustacheParent {
    func child(named name: String) -> Any? { name == "crumbs" ? crumbs : nil }
}

extension Breadcrumb.Crumb: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "href": self.href
        default: nil
        }
    }
}
