/// Renders `public/`: the programme of the médiathèques, safe to publish as is
/// (it is planned from the feed and the counts only, never from patron rows).
struct PublicSiteRenderer {
    static let templates = ["layout", "public/index"]

    let templates: TemplateSet
    let content: SiteContent

    struct SessionRow {
        var date: String
        var time: String
        var title: String
        var library: String
        var status: String
        var places: String
    }

    struct IndexView {
        var page: PageView
        var libraryCount: Int
        var eventCount: Int
        var sessionCount: Int
        var patronCount: Int
        var sessions: [SessionRow]
        var hasSessions: Bool
    }

    func files() throws -> [RenderedFile] {
        let coming = content.comingSessions
        let rows = coming.prefix(content.config.featuredCount).map { event, session in
            SessionRow(date: session.start.day.french, time: session.start.frenchTime, title: event.title,
                       library: session.library.name, status: content.status(of: session, in: event).label,
                       places: RegistrationStatus.placesLabel(content.placesRemaining(of: session, in: event)))
        }
        let view = IndexView(page: PageView(content: content, title: "Agenda des médiathèques", depth: 0),
                             libraryCount: content.libraries.count, eventCount: content.feed.events.count,
                             sessionCount: content.feed.events.reduce(0) { $0 + $1.sessions.count },
                             patronCount: content.patronCount, sessions: Array(rows), hasSessions: !rows.isEmpty)
        return [RenderedFile(path: try BundlePath("public/index.html"), text: try templates.render("public/index", view))]
    }
}
