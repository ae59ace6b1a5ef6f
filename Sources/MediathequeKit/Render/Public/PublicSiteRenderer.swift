/// Renders `public/`: the programme of the médiathèques, safe to publish as is.
///
/// Everything is planned by ``PublicPlan`` from the feed, the libraries and the
/// confirmed counts, never from patron rows. Pages use the staff-editable
/// templates of `Templates/public/`; `sitemap.xml` and `robots.txt` are written
/// here, as their formats need absolute URLs. Calendars (`agenda.ics`...) and the
/// RSS feed are written by their own renderers from the same plan.
struct PublicSiteRenderer {
    /// The templates the public site needs (the layouts and the partials they include).
    static let templates = [
        "layout", "public/index", "public/listing", "public/event", "public/404", "public/accessibilite", "public/recherche",
        "public/partials/head", "public/partials/site-name", "public/partials/site-nav", "public/partials/browse", "public/partials/subscribe",
        "public/partials/session-item", "public/partials/sessions-table", "public/partials/structured-data",
        "public/partials/sharing", "public/partials/search-data",
    ]

    let templates: TemplateSet
    let content: SiteContent

    /// Every file of `public/` this renderer owns, in path order.
    /// - Throws: ``RenderError`` for a missing template or an unsafe path.
    func files() throws -> [RenderedFile] {
        let plan = PublicPlan(content: content)
        let pages = TemplateSet.PageRenderer(templates)
        var files: [RenderedFile] = []
        for page in plan.pages {
            files.append(RenderedFile(path: try BundlePath("public/" + page.path), bytes: try render(page, plan: plan, with: pages)))
        }
        files += try sitemap(plan).map { RenderedFile(path: try BundlePath("public/" + $0.path), text: $0.xml) }
        files.append(RenderedFile(path: try BundlePath("public/" + PublicPlan.robotsPath), text: robots()))
        files += try PublicFeedsRenderer(content: content, plan: plan).files()
        return files.sorted { $0.path < $1.path }
    }

    /// The HTML of one page, rendered by `pages` (one renderer serves the whole site).
    func render(_ page: PublicPage, plan: PublicPlan, with pages: TemplateSet.PageRenderer) throws -> [UInt8] {
        let context = PublicPageContext(content: content, plan: plan, page: page)
        switch page.kind {
        case .home: return try pages.render("public/index", HomePageView(context: context))
        case .agenda, .month, .library, .category:
            return try pages.render("public/listing", ListingPageView(page: page, context: context))
        case .event(let event): return try pages.render("public/event", EventPageView(event: event, context: context))
        case .notFound: return try pages.render("public/404", NotFoundPageView(context: context))
        case .accessibility: return try pages.render("public/accessibilite", AccessibilityPageView(context: context))
        case .search: return try pages.render("public/recherche", SearchPageView(context: context))
        }
    }

    /// Every page but the 404, with an event's last change as its `lastmod`.
    func sitemap(_ plan: PublicPlan) -> [SitemapDocument] {
        let planner = SitemapPlanner(baseURL: content.config.baseURL)
        let entries = plan.pages.compactMap { page -> SitemapEntry? in
            switch page.kind {
            case .notFound: return nil
            case .event(let event): return planner.entry(forPage: page.path, lastModified: event.updated.day)
            default: return planner.entry(forPage: page.path)
            }
        }
        return planner.documents(for: entries)
    }

    /// Every crawler welcome, pointed at the sitemap, but on the private path when it is on
    /// the site's own host (the server also says noindex there: docs/deploy.md).
    func robots() -> String {
        "User-agent: *\nDisallow:\(privatePathOnSiteHost.map { " " + $0 } ?? "")\n\nSitemap: \(content.config.baseURL)\(PublicPlan.sitemapPath)\n"
    }

    /// The path of `private_base_url` (`/espace/`) when it shares `base_url`'s scheme and host.
    private var privatePathOnSiteHost: String? {
        let path = content.config.privatePath
        guard path != "/", Self.origin(of: content.config.privateBaseURL) == Self.origin(of: content.config.baseURL) else { return nil }
        return path
    }

    /// `scheme://host:port` of a URL, lowercased: all before its path.
    private static func origin(of url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url.lowercased() }
        return url[..<(url[schemeEnd.upperBound...].firstIndex(of: "/") ?? url.endIndex)].lowercased()
    }
}
