/// The view of a listing: `agenda/index.html` (every coming session), a month,
/// a library or a category; sessions grouped by day, with the navigation
/// between listings and the calendar and feed links.
struct ListingPageView {
    var page: PageView
    var links: SiteLinksView
    var heading: String
    var intro: String?
    var metaDescription: String?
    var days: [DayGroupView]
    var hasDays: Bool
    var emptyMessage: String
    var subscribe: SubscribeView
    var browse: BrowseView
    /// The address and phone of a library's page.
    var address: String?
    var phone: String?

    /// The view of `page`, which must be the agenda, a month, a library or a category.
    init(page: PublicPage, context: PublicPageContext) {
        let plan = context.plan
        var sessions: [ComingSession]
        var calendar = PublicPlan.calendarPath
        var scope = "Toutes les animations"
        switch page.kind {
        case .month(let month):
            heading = "Agenda : \(FrenchDate.month(year: month.year, month: month.month))"
            intro = "Les animations de \(FrenchDate.month(year: month.year, month: month.month).lowercased()) dans les médiathèques."
            sessions = month.sessions
            emptyMessage = "Aucune animation à venir ce mois-ci."
        case .library(let listing):
            let name = HTMLText.clean(listing.library.name)
            heading = "Agenda : \(name)"
            intro = "Les animations à venir à la médiathèque \(name)."
            address = HTMLText.optional(listing.library.address)
            phone = HTMLText.optional(listing.library.phone)
            sessions = listing.sessions
            emptyMessage = "Aucune animation à venir dans cette médiathèque pour le moment."
            calendar = plan.calendarPath(library: listing.library.code)
            scope = "Les animations de \(name)"
        case .category(let listing):
            let name = HTMLText.clean(listing.name)
            heading = "Agenda : \(name)"
            intro = "Les animations à venir de la catégorie « \(name) »."
            sessions = listing.sessions
            emptyMessage = "Aucune animation à venir dans cette catégorie pour le moment."
            calendar = plan.calendarPath(category: listing.name)
            scope = "Les animations « \(name) »"
        default:
            heading = "Agenda des médiathèques"
            intro = "Toutes les animations à venir, jour par jour."
            sessions = plan.coming
            emptyMessage = "Aucune animation à venir pour le moment."
        }
        self.page = context.pageView(title: heading)
        links = context.siteLinks
        metaDescription = intro
        days = PublicPlan.days(sessions).map { DayGroupView($0, context: context) }
        hasDays = !days.isEmpty
        subscribe = context.subscribe(calendar: calendar, scope: scope)
        browse = context.browse(current: page.path)
    }
}
