/// The view of `404.html`.
struct NotFoundPageView {
    var page: PageView
    var links: SiteLinksView

    init(context: PublicPageContext) {
        page = context.pageView(title: "Page introuvable")
        links = context.siteLinks
    }
}
