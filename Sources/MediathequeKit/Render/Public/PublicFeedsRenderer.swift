import Foundation

/// Renders the calendars and the feed of `public/`: `agenda.ics` (every coming
/// session), one calendar per library and per category, one per coming session not
/// cancelled, to add to one's own agenda, and `agenda.rss`.
/// Cancelled sessions stay in the calendars with STATUS:CANCELLED so that
/// subscribers drop them. The subscribed calendars stop at
/// ``SiteConfiguration/calendarMonths`` ahead, to stay small.
struct PublicFeedsRenderer {
    let content: SiteContent
    let plan: PublicPlan

    func files() throws -> [RenderedFile] {
        let sessions = SessionCalendarEvent(content: content, plan: plan)
        let horizon = LocalDateTime(day: content.today.adding(months: content.config.calendarMonths))
        let network = content.config.networkName
        var files = [try calendar(PublicPlan.calendarPath, name: "\(network) — agenda",
                                  description: Wording.Agenda.calendarDescription, sessions: plan.coming, before: horizon, with: sessions)]
        for listing in plan.libraries {
            files.append(try calendar(plan.calendarPath(library: listing.library.code), name: "\(network) — \(listing.library.name)",
                                      description: Wording.Agenda.atLibrary(listing.library.name),
                                      sessions: listing.sessions, before: horizon, with: sessions))
        }
        for listing in plan.categories {
            files.append(try calendar(plan.calendarPath(category: listing.name), name: "\(network) — \(listing.name)",
                                      description: Wording.Agenda.categoryCalendar(listing.name), sessions: listing.sessions,
                                      before: horizon, with: sessions))
        }
        for item in plan.coming where PublicPlan.hasOwnCalendar(item.session, now: content.now) {
            files.append(try sessionCalendar(item, with: sessions))
        }
        files.append(RenderedFile(path: try BundlePath("public/" + PublicPlan.feedPath), text: RSSWriter().render(feed(sessions))))
        return files
    }

    /// A subscribed calendar: the `sessions` that start before `horizon`.
    private func calendar(_ path: String, name: String, description: String, sessions: [ComingSession],
                          before horizon: LocalDateTime, with builder: SessionCalendarEvent) throws -> RenderedFile {
        let calendar = ICalendar(
            productID: "-//Mediatheque//Agenda//FR", name: name, description: description,
            url: content.config.baseURL + path, refreshInterval: .seconds(content.config.calendarRefreshHours * 3600),
            timeZone: builder.zone,
            events: sessions.filter { $0.session.start < horizon }.map { builder.make($0.event, $0.session) })
        return RenderedFile(path: try BundlePath("public/" + path), text: ICalendarWriter().render(calendar))
    }

    /// One session, its UID that of `agenda.ics`: imported, then subscribed to, it stays one
    /// event. No name and no refresh: it is added to a calendar, not subscribed to.
    private func sessionCalendar(_ item: ComingSession, with builder: SessionCalendarEvent) throws -> RenderedFile {
        let calendar = ICalendar(productID: "-//Mediatheque//Agenda//FR", url: builder.url(of: item.event), timeZone: builder.zone,
                                 events: [builder.make(item.event, item.session)])
        return RenderedFile(path: try BundlePath("public/" + plan.sessionCalendarPath(item.event, item.session)),
                            text: ICalendarWriter().render(calendar))
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
