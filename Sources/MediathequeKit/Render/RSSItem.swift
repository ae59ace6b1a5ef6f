import Foundation

/// One `<item>` of an ``RSSFeed``: a session of the agenda, a document newly matching a search.
public struct RSSItem: Hashable, Sendable {
    /// `<title>`: plain text, written on one line (line breaks become spaces).
    public var title: String
    /// `<link>`: the item's page, or `nil`.
    public var link: String?
    /// `<description>`: plain text. The writer turns it into HTML (escaped,
    /// a blank line between paragraphs, `<br>` for other line breaks), the
    /// form readers expect, so that markup in it is shown, never run.
    public var description: String?
    /// `<guid>`: stable across builds, so readers do not show an item twice;
    /// written on one line.
    public var guid: String
    /// Whether ``guid`` is the item's address (`isPermaLink`).
    public var guidIsPermaLink: Bool
    /// `<pubDate>`, or `nil`.
    public var pubDate: Date?
    /// `<category>`, in this order, each on one line and trimmed; blank ones are left out.
    public var categories: [String]

    /// - Parameter guidIsPermaLink: whether `guid` is the item's address; by
    ///   default, whether it is an `http(s)` URL.
    public init(title: String, link: String? = nil, description: String? = nil, guid: String,
                guidIsPermaLink: Bool? = nil, pubDate: Date? = nil, categories: [String] = []) {
        self.title = title
        self.link = link
        self.description = description
        self.guid = guid
        self.guidIsPermaLink = guidIsPermaLink ?? RSSItem.isWebURL(guid)
        self.pubDate = pubDate
        self.categories = categories
    }

    static func isWebURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://"))
            && !text.contains(where: { $0.isWhitespace }) && text.count > 8
    }
}
