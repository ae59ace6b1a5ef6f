/// What the search index (Pagefind) reads from an event page with coming sessions: its
/// filters (library, category, audience, month), its sort key (the next session's start)
/// and the next session's date as metadata. Events without a coming session are not
/// indexed, and neither are the listings: a search finds the coming events.
struct SearchIndexView {
    var libraries: [String]
    var categories: [String]
    var audience: String?
    /// "Décembre 2026", for each month with a coming session.
    var months: [String]
    /// `2026-12-07T10:00`: sorts results by date.
    var nextStart: String
    /// "Lundi 7 décembre 2026 à 10:00".
    var nextLabel: String

    /// `nil` when the event has no coming session.
    init?(event: Event, now: LocalDateTime) {
        let coming = event.sessions.filter { $0.end > now }.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        guard let next = coming.first else { return nil }
        func unique(_ values: [String]) -> [String] {
            var seen: Set<String> = []
            return values.filter { seen.insert($0).inserted }
        }
        libraries = unique(coming.map { HTMLText.clean($0.library.name) })
        categories = unique(event.categories.map(HTMLText.clean))
        audience = HTMLText.optional(event.audience)
        months = unique(coming.map { FrenchDate.month(year: $0.start.day.year, month: $0.start.day.month) })
        nextStart = "\(next.start.day.iso)T\(next.start.frenchTime)"
        nextLabel = "\(FrenchDate.heading(next.start.day)) à \(next.start.frenchTime)"
    }
}
