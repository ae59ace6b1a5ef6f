import Foundation

/// Renders the calendars and the feed of `public/`: `agenda.ics` (every coming
/// session), one calendar per library and per category, and `agenda.rss`.
/// Cancelled sessions stay in the calendars with STATUS:CANCELLED so that
/// subscribers drop them.
struct PublicFeedsRenderer {
    let content: SiteContent
    let plan: PublicPlan

    func files() throws -> [RenderedFile] {
        let sessions = SessionCalendarEvent(content: content, plan: plan)
        let network = content.config.networkName
        var files = [try calendar(PublicPlan.calendarPath, name: "\(network) — agenda",
                                  description: Wording.Agenda.calendarDescription, sessions: plan.coming, with: sessions)]
        for listing in plan.libraries {
            files.append(try calendar(plan.calendarPath(library: listing.library.code), name: "\(network) — \(listing.library.name)",
                                      description: Wording.Agenda.atLibrary(listing.library.name),
                                      sessions: listing.sessions, with: sessions))
        }
        for listing in plan.categories {
            files.append(try calendar(plan.calendarPath(category: listing.name), name: "\(network) — \(listing.name)",
                                      description: Wording.Agenda.categoryCalendar(listing.name), sessions: listing.sessions, with: sessions))
        }
        files.append(RenderedFile(path: try BundlePath("public/" + PublicPlan.feedPath), text: RSSWriter().render(feed(sessions))))
        return files
    }

    private func calendar(_ path: String, name: String, description: String, sessions: [ComingSession],
                          with builder: SessionCalendarEvent) throws -> RenderedFile {
        let calendar = ICalendar(
            productID: "-//Mediatheque//Agenda//FR", name: name, description: description,
            url: content.config.baseURL + path, refreshInterval: .seconds(content.config.calendarRefreshHours * 3600),
            timeZone: builder.zone, events: sessions.map { builder.make($0.event, $0.session) })
        return RenderedFile(path: try BundlePath("public/" + path), text: ICalendarWriter().render(calendar))
    }

    /// One item per event with coming sessions, most recently updated first.
    private func feed(_ builder: SessionCalendarEvent) -> RSSFeed {
        var sessionsByEvent: [String: [ComingSession]] = [:]
        for item in plan.coming { sessionsByEvent[item.event.id, default: []].append(item) }
        let events = plan.events.filter { sessionsByEvent[$0.id] != nil }
            .sorted { ($0.updated, $1.id) > ($1.updated, $0.id) }
        let items = events.map { event -> RSSItem in
            let dates = sessionsByEvent[event.id]!.map { item in
                Wording.Agenda.session(date: FrenchDate.long(item.session.start.day), item.session,
                                       status: content.status(of: item.session, in: event))
            }
            let url = builder.url(of: event)
            return RSSItem(title: event.title, link: url,
                           description: ([event.summary].compactMap { $0 } + dates).joined(separator: "\n\n"),
                           guid: url, pubDate: event.updated.instant(in: builder.zone), categories: event.categories)
        }
        return RSSFeed(title: "\(content.config.networkName) — agenda", link: content.config.baseURL,
                       description: Wording.Agenda.feedDescription, selfURL: content.config.baseURL + PublicPlan.feedPath,
                       lastBuildDate: content.feed.generated.instant(in: builder.zone),
                       timeToLive: content.config.calendarRefreshHours * 60, timeZone: builder.zone, items: items)
    }
}
