/// The view of `accessibilite/index.html`, the accessibility statement (déclaration
/// d'accessibilité) RGAA requires: the compliance, the audit it rests on, whom to
/// contact, and the means of redress, from ``AccessibilityStatement``.
struct AccessibilityPageView {
    var page: PageView
    var links: SiteLinksView
    var networkName: String
    /// The site the statement covers: the published `public/` and the patrons' folders.
    var siteURL: String
    /// "partiellement conforme".
    var compliance: String
    /// "1er mars 2025", when an audit was made.
    var auditDate: String?
    var contact: String?
    var contactHref: String?
    var metaDescription = Wording.Accessibility.description
    var sharing: SharingView
    /// The search page is the one that needs JavaScript.
    var hasSearch: Bool

    init(context: PublicPageContext) {
        let config = context.content.config
        let statement = config.accessibility
        page = context.pageView(title: Wording.Accessibility.title,
                                breadcrumb: context.breadcrumb(Wording.Accessibility.title, inAgenda: false))
        links = context.siteLinks
        networkName = HTMLText.clean(config.networkName)
        siteURL = config.baseURL
        compliance = statement.compliance.label
        auditDate = statement.auditDate.map(FrenchDate.date)
        contact = statement.contact
        contactHref = statement.contactHref
        sharing = context.sharing(title: Wording.Accessibility.title, description: Wording.Accessibility.description)
        hasSearch = context.plan.hasSearch
    }
}
