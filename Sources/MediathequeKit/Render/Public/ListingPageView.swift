/// The view of a listing: `agenda/index.html` (every coming session), a month,
/// a library or a category; sessions grouped by day, with the navigation
/// between listings and the calendar and feed links.
struct ListingPageView {
    var page: PageView
    var links: SiteLinksView
    var heading: String
    var intro: String?
    var metaDescription: String?
    var sharing: SharingView
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
        var scope = Wording.Agenda.allScope
        /// The page's name in the breadcrumb, under "Agenda"; `nil` for the agenda itself.
        var crumb: String?
        switch page.kind {
        case .month(let month):
            let name = FrenchDate.month(year: month.year, month: month.month)
            crumb = name
            heading = Wording.Agenda.heading(name)
            intro = Wording.Agenda.inMonth(name)
            sessions = month.sessions
            emptyMessage = Wording.Agenda.noneThisMonth
        case .library(let listing):
            // Names from the inputs stand among other words: isolated, for right-to-left scripts.
            let name = Text.isolated(HTMLText.clean(listing.library.name))
            crumb = name
            heading = Wording.Agenda.heading(name)
            intro = Wording.Agenda.atLibrary(name) + "."
            address = HTMLText.optional(listing.library.address)
            phone = HTMLText.optional(listing.library.phone)
            sessions = listing.sessions
            emptyMessage = Wording.Agenda.noneAtLibrary
            calendar = plan.calendarPath(library: listing.library.code)
            scope = Wording.Agenda.libraryScope(name)
        case .category(let listing):
            let name = Text.isolated(HTMLText.clean(listing.name))
            crumb = name
            heading = Wording.Agenda.heading(name)
            intro = Wording.Agenda.inCategory(name)
            sessions = listing.sessions
            emptyMessage = Wording.Agenda.noneInCategory
            calendar = plan.calendarPath(category: listing.name)
            scope = Wording.Agenda.categoryScope(name)
        default:
            heading = Wording.Agenda.title
            intro = Wording.Agenda.allIntro
            sessions = plan.coming
            emptyMessage = Wording.Agenda.noneComing
        }
        self.page = context.pageView(title: heading, breadcrumb: crumb.map { context.breadcrumb($0, inAgenda: true) }
            ?? context.breadcrumb(Wording.Agenda.agenda, inAgenda: false))
        links = context.siteLinks
        metaDescription = intro
        sharing = context.sharing(title: heading, description: intro)
        days = PublicPlan.days(sessions).map { DayGroupView($0, context: context) }
        hasDays = !days.isEmpty
        subscribe = context.subscribe(calendar: calendar, scope: scope)
        browse = context.browse(current: page.path)
    }
}
