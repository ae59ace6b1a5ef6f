@preconcurrency import Crypto
import Foundation

/// The agenda as patron folders read it, digested once per build, so that a change to it
/// renders again only the folders that show what changed.
///
/// An agenda search's feed reads every event, and of the registrations only which sessions
/// have no place left (its items show their status: ``SavedSearchResolver``). A
/// registration reads its own session alone: its event, whole, with the address of the
/// event's page, and the session's confirmed registrations (the personal calendar shows the
/// places left). A registration for a new patron does not render the folders of everyone
/// registered elsewhere.
struct AgendaDigests: Sendable {
    /// What an agenda search reads.
    let searches: [UInt8]
    private let sessions: [SessionKey: [UInt8]]
    /// What a registration for a session the feed does not have reads: nothing but that.
    private static let missing = FolderFingerprint.digest([[0]])

    init(feedBytes: Data, content: SiteContent) {
        var full: [String] = []
        var sessions: [SessionKey: [UInt8]] = [:]
        for event in content.feed.events {
            // The model's description of the event, sessions included: every field a page may show.
            let event_ = Array("\(event)".utf8), url = Array(content.eventURL(event.id).utf8)
            for session in event.sessions {
                let key = SessionKey(eventID: event.id, sessionID: session.id)
                let confirmed = content.confirmed[key] ?? 0
                sessions[key] = FolderFingerprint.digest([event_, url, Array(session.id.utf8), Array(String(confirmed).utf8)])
                if content.placesRemaining(of: session, in: event) == 0 { full.append("\(event.id)\u{1F}\(session.id)") }
            }
        }
        searches = FolderFingerprint.digest([[UInt8](feedBytes)] + full.sorted().map { Array($0.utf8) })
        self.sessions = sessions
    }

    /// What a registration for the session `key` reads.
    func session(_ key: SessionKey) -> [UInt8] { sessions[key] ?? Self.missing }
}
