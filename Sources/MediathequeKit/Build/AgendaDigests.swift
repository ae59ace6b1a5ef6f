/// The agenda as patron folders read it, digested once per build, so that a change to it
/// renders again only the folders that show what changed.
///
/// An agenda search's feed reads every event (as read: a feed exported again with another
/// `generated` time is the same agenda), and of the registrations only which sessions have
/// no place left (its items show their status: ``SavedSearchResolver``). A
/// registration reads its own session alone: its event, whole, with the address of the
/// event's page, and the session's confirmed registrations (the personal calendar shows the
/// places left). A registration for a new patron does not render the folders of everyone
/// registered elsewhere. The feed's time zone is in every folder's salt
/// (``FolderFingerprint/salt(config:templates:libraries:timeZone:documents:pagesOnly:documentIdentity:)``).
///
/// An event is digested by its model's description, every field and session of it: the
/// model holds structs, arrays, optionals and enums only, which describe themselves the
/// same way every run (``AgendaDigestsTests`` keeps it so).
struct AgendaDigests: Sendable {
    /// What an agenda search reads.
    let searches: [UInt8]
    private let sessions: [SessionKey: [UInt8]]
    /// What a registration for a session the feed does not have reads: nothing but that.
    private static let missing = FolderFingerprint.digest([[0]])

    init(content: SiteContent) {
        var events: [[UInt8]] = []
        var full: [[UInt8]] = []
        var sessions: [SessionKey: [UInt8]] = [:]
        for event in content.feed.events {
            let described = Array("\(event)".utf8), url = Array(content.eventURL(event.id).utf8)
            events += [described, url]
            for session in event.sessions {
                let key = SessionKey(eventID: event.id, sessionID: session.id)
                let confirmed = content.confirmed[key] ?? 0
                sessions[key] = FolderFingerprint.digest([described, url, Array(session.id.utf8), Array(String(confirmed).utf8)])
                if content.placesRemaining(of: session, in: event) == 0 { full.append(Array("\(event.id)\u{1F}\(session.id)".utf8)) }
            }
        }
        // In the feed's order, then the full sessions in it.
        searches = FolderFingerprint.digest(events + [[0xFF]] + full)
        self.sessions = sessions
    }

    /// What a registration for the session `key` reads.
    func session(_ key: SessionKey) -> [UInt8] { sessions[key] ?? Self.missing }
}
