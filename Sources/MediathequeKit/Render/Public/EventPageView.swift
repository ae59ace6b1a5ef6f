/// The view of `agenda/<event-id>/index.html`: the event's description, its
/// access conditions, and the guide's sessions table (Date de début, Heure de
/// début, Date de fin, Heure de fin, Site, Places restantes, Statut, Actions).
struct EventPageView {
    var page: PageView
    var links: SiteLinksView
    var title: String
    var summary: String?
    var paragraphs: [String]
    var categories: [LinkView]
    var hasCategories: Bool
    var audience: String?
    var conditions: String?
    var contact: String?
    var image: ImageView?
    var accessibility: [String]
    var hasAccessibility: Bool
    var hasFacts: Bool
    var sessions: [SessionRowView]
    var metaDescription: String?
    var sharing: SharingView
    /// The schema.org JSON-LD (``EventStructuredData``), already escaped for a `<script>`.
    var structuredData: String?
    /// What the search indexes; `nil` (not indexed) without a coming session.
    var search: SearchIndexView?

    struct ImageView {
        var src: String
        var alt: String
    }

    /// One row of the sessions table.
    struct SessionRowView {
        /// The row's `id`, so that lists can link to it.
        var anchor: String
        var startDate: String
        var startDateISO: String
        var startTime: String
        var endDate: String
        var endDateISO: String
        var endTime: String
        var library: String
        var libraryHref: String
        /// A number, or "Pas de limite".
        var places: String
        var status: String
        var statusCode: String
        /// Only an open on-line registration gets a "S'inscrire" link.
        var canRegister: Bool
        var registerHref: String
        /// Why a patron cannot register on line, where they could expect to
        /// (``RegistrationStatus/onlineRegistrationNote``); no greyed, fake button.
        var registrationNote: String?
        /// Rows of a coming session that cannot register on line point to the conditions, when
        /// the event has some ("pensez à regarder les conditions d'accès", says the guide).
        var showConditions: Bool
        /// The session's own calendar file (« Ajouter à mon agenda »): coming sessions, not cancelled.
        var calendarHref: String?
    }

    init(event: Event, context: PublicPageContext) {
        let content = context.content
        title = HTMLText.clean(event.title)
        page = context.pageView(title: event.title, breadcrumb: context.breadcrumb(title, inAgenda: true))
        links = context.siteLinks
        summary = HTMLText.optional(event.summary)
        paragraphs = event.paragraphs.compactMap(HTMLText.optional)
        categories = event.categories.map { name in
            LinkView(href: context.href(context.plan.categoryPath(name)), label: HTMLText.clean(name), count: 0, current: false)
        }
        hasCategories = !categories.isEmpty
        audience = HTMLText.optional(event.audience)
        conditions = HTMLText.optional(event.conditions)
        contact = HTMLText.optional(event.contact)
        image = event.image.flatMap { image in
            HTMLText.httpURL(image.href).map { ImageView(src: context.local($0), alt: HTMLText.clean(image.alt)) }
        }
        accessibility = event.accessibility.map(\.label)
        hasAccessibility = !accessibility.isEmpty
        hasFacts = hasCategories || audience != nil || contact != nil || hasAccessibility
        metaDescription = summary.map { String($0.prefix(300)) }
        sharing = context.sharing(title: event.title, description: event.summary ?? event.paragraphs.first, image: event.image)
        search = SearchIndexView(event: event, now: content.now)
        structuredData = EventStructuredData(content: content, pageURL: context.pageURL, zone: context.zone).json(for: event)
        let hasConditions = conditions != nil
        sessions = event.sessions.sorted { ($0.start, $0.id) < ($1.start, $1.id) }.map { session in
            let status = content.status(of: session, in: event)
            return SessionRowView(
                anchor: Self.anchor(for: session, in: event),
                startDate: session.start.day.french, startDateISO: session.start.day.iso, startTime: session.start.frenchTime,
                endDate: session.end.day.french, endDateISO: session.end.day.iso, endTime: session.end.frenchTime,
                library: HTMLText.clean(session.library.name),
                libraryHref: context.href(context.plan.libraryPath(session.library.code)),
                places: content.placesRemaining(of: session, in: event).map(String.init) ?? RegistrationStatus.noLimit,
                status: status.label, statusCode: status.code, canRegister: status.canRegister,
                registerHref: status.canRegister
                    ? content.config.registrationURL(event: event.id, session: session.id) : "",
                registrationNote: status.onlineRegistrationNote,
                showConditions: hasConditions && Self.pointsToConditions(status),
                calendarHref: PublicPlan.hasOwnCalendar(session, now: content.now)
                    ? context.href(context.plan.sessionCalendarPath(event, session)) : nil)
        }
    }

    /// Free entry, registration at the desk or not open on line: the conditions say how to come.
    static func pointsToConditions(_ status: RegistrationStatus) -> Bool {
        switch status {
        case .freeEntry, .atDesk, .opensLater, .closed, .full: true
        case .cancelled, .postponed, .ended, .open: false
        }
    }

    /// The `id` of a session's row: `seance-<session id>` when the id is a safe name, else its position.
    static func anchor(for session: Session, in event: Event) -> String {
        let safe = !session.id.isEmpty && session.id.unicodeScalars.allSatisfy(BundlePath.allows)
        if safe { return "seance-" + session.id }
        let index = event.sessions.firstIndex(of: session) ?? 0
        return "seance-\(index + 1)"
    }
}
