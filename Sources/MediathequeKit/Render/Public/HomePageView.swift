/// The view of the home page `index.html`: "À la une" (the next sessions),
/// "Découvrir tout l'agenda", and the links to every listing.
struct HomePageView {
    var page: PageView
    var links: SiteLinksView
    var metaDescription: String
    var sharing: SharingView
    var libraryCount: Int
    var eventCount: Int
    var sessionCount: Int
    var featured: [SessionSummaryView]
    var hasFeatured: Bool
    /// `featured_count = 0` hides "À la une".
    var showFeatured: Bool
    var subscribe: SubscribeView
    var browse: BrowseView

    init(context: PublicPageContext) {
        let plan = context.plan
        page = context.pageView(title: Wording.Agenda.title)
        links = context.siteLinks
        metaDescription = Wording.Agenda.homeDescription
        sharing = context.sharing(title: context.content.config.networkName, description: metaDescription)
        libraryCount = plan.libraries.count
        eventCount = Set(plan.coming.map(\.event.id)).count
        sessionCount = plan.coming.count
        featured = plan.featured.map { context.summary($0, withDay: true) }
        hasFeatured = !featured.isEmpty
        showFeatured = context.content.config.featuredCount > 0
        subscribe = context.subscribe(calendar: PublicPlan.calendarPath, scope: "Toutes les animations")
        browse = context.browse(current: nil)
    }
}
