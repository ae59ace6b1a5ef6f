import Foundation

/// The VEVENT of one session, shared by the public calendars and the patrons' own.
///
/// Its UID is derived from the event and session ids, its DTSTAMP and SEQUENCE
/// from the event's `updated` time in the feed, so a subscriber sees the same
/// event move or get cancelled rather than a new one appear.
struct SessionCalendarEvent {
    let content: SiteContent
    let plan: PublicPlan
    /// The feed's zone, looked up once (every VEVENT of every calendar needs it).
    let zone: TimeZone
    /// The domain part of UIDs: the site's host.
    let uidDomain: String

    init(content: SiteContent, plan: PublicPlan) {
        self.content = content
        self.plan = plan
        zone = TimeZone(identifier: content.feed.timeZone) ?? TimeZone(identifier: "Europe/Paris")!
        uidDomain = URL(string: content.config.baseURL)?.host ?? "mediatheque"
    }

    static func uid(event: String, session: String, domain: String) -> String { "session-\(event)-\(session)@\(domain)" }

    /// The absolute URL of an event's page.
    func url(of event: Event) -> String {
        content.eventURL(event.id)
    }

    /// Minutes since 2000-01-01 of the event's last change: grows with every change the feed reports.
    static func sequence(_ updated: LocalDateTime) -> Int {
        max(0, (updated.localSeconds - Day(year: 2000, month: 1, day: 1)!.ordinal * 86_400) / 60)
    }

    func make(_ event: Event, _ session: Session, summaryPrefix: String = "", status: ICalendarEvent.Status? = nil,
              uid: String? = nil, extraLines: [String] = []) -> ICalendarEvent {
        let registration = content.status(of: session, in: event)
        var lines = extraLines
        if let summary = event.summary { lines.append(summary) }
        lines.append("Statut : \(registration.label)")
        lines.append(RegistrationStatus.placesLabel(content.placesRemaining(of: session, in: event)))
        if let conditions = event.conditions { lines.append(conditions) }
        if let contact = event.contact { lines.append(contact) }
        lines.append(url(of: event))
        let location = [session.library.name, session.library.address].compactMap { $0 }.joined(separator: ", ")
        let sessionStatus: ICalendarEvent.Status = switch session.status {
        case .cancelled: .cancelled
        case .postponed: .tentative
        case .scheduled: .confirmed
        }
        let updated = event.updated.instant(in: zone)
        return ICalendarEvent(
            uid: uid ?? Self.uid(event: event.id, session: session.id, domain: uidDomain),
            stamp: updated, sequence: Self.sequence(event.updated),
            timing: .local(start: session.start, end: session.end),
            summary: summaryPrefix + event.title, description: lines.joined(separator: "\n"),
            location: location, url: url(of: event), categories: event.categories,
            status: session.status == .scheduled ? (status ?? sessionStatus) : sessionStatus, lastModified: updated)
    }
}
