/// The view of `recherche/index.html`: Pagefind's search over the coming events, with the
/// listings to browse instead where JavaScript does not run.
struct SearchPageView {
    var page: PageView
    var links: SiteLinksView
    var metaDescription = Wording.Agenda.searchDescription
    var sharing: SharingView
    /// The folder of Pagefind's index and interface, relative to the page (`../pagefind/`).
    var pagefind: String
    /// The site's root relative to the page (`../`): the interface makes the index's
    /// root-absolute result URLs (`/agenda/…`) start from there, wherever the site is served.
    var siteRoot: String
    var browse: BrowseView

    init(context: PublicPageContext) {
        page = context.pageView(title: Wording.Agenda.search,
                                breadcrumb: context.breadcrumb(Wording.Agenda.search, inAgenda: true))
        links = context.siteLinks
        sharing = context.sharing(title: Wording.Agenda.search, description: Wording.Agenda.searchDescription)
        pagefind = context.href(Pagefind.folder + "/")
        siteRoot = context.href("")
        browse = context.browse(current: nil)
    }
}
