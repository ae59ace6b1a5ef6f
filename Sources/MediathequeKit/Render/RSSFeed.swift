import Foundation

/// An RSS 2.0 feed to publish: the agenda's programme, a saved search's new matches.
///
/// A value only; ``RSSWriter`` turns it into XML. Its dates are instants,
/// written with the UTC offset they have in ``timeZone``.
///
/// ```swift
/// let feed = RSSFeed(
///     title: "Agenda des médiathèques",
///     link: "https://mediatheques.example/agenda/",
///     description: "Les animations à venir",
///     selfURL: "https://mediatheques.example/agenda.rss",
///     lastBuildDate: today.instant(in: zone),
///     timeZone: zone,
///     items: items)
/// let xml = RSSWriter().render(feed)
/// ```
public struct RSSFeed: Hashable, Sendable {
    /// `<title>`: plain text, written on one line (line breaks become spaces).
    public var title: String
    /// `<link>`: the web page the feed stands for.
    public var link: String
    /// `<description>`: plain text.
    public var description: String
    /// `<language>`: `fr` unless said otherwise.
    public var language: String
    /// Where the feed itself is published (`<atom:link rel="self">`), or `nil`.
    public var selfURL: String?
    /// `<lastBuildDate>`: pass a date derived from the inputs, never the clock.
    public var lastBuildDate: Date?
    /// `<ttl>`: minutes a reader may cache the feed, or `nil`.
    public var timeToLive: Int?
    /// The zone whose UTC offset the dates are written with.
    public var timeZone: TimeZone
    /// The items, written in this order (newest first, by custom).
    public var items: [RSSItem]

    public init(title: String, link: String, description: String, language: String = "fr",
                selfURL: String? = nil, lastBuildDate: Date? = nil, timeToLive: Int? = nil,
                timeZone: TimeZone, items: [RSSItem] = []) {
        self.title = title
        self.link = link
        self.description = description
        self.language = language
        self.selfURL = selfURL
        self.lastBuildDate = lastBuildDate
        self.timeToLive = timeToLive
        self.timeZone = timeZone
        self.items = items
    }
}
