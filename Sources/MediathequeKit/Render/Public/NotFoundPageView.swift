/// The view of `404.html`.
struct NotFoundPageView {
    var page: PageView
    var links: SiteLinksView
    var sharing: SharingView

    init(context: PublicPageContext) {
        page = context.pageView(title: "Page introuvable")
        links = context.siteLinks
        sharing = context.sharing(title: "Page introuvable", description: nil)
    }
}
