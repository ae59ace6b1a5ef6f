/// What a saved search's feed (`recherches/<id>.rss`) lists, as plain values:
/// the RSS serialization is the feed writer's business.
public struct SavedSearchFeed: Hashable, Sendable {
    public var searchID: Int64
    /// The search's name, as the patron gave it (untrusted text: escape on output).
    public var title: String
    public var description: String
    public var items: [Item]
    /// The first day after the build's date on which the same inputs give other items
    /// (an agenda session ends, or its registration opens or closes); `nil` for never.
    public var changesOn: Day?

    public init(searchID: Int64, title: String, description: String, items: [Item], changesOn: Day? = nil) {
        self.searchID = searchID
        self.title = title
        self.description = description
        self.items = items
        self.changesOn = changesOn
    }

    /// One matching document or session.
    public struct Item: Hashable, Sendable {
        /// Stable across builds: `document-<id>` or `session-<event-id>-<session-id>`.
        public var guid: String
        public var title: String
        /// Absolute link, when there is one: the public event page, or the document's record in the portal.
        public var link: String?
        public var summary: String
        /// When the item appeared: the document's `added_on`, the event's `updated`.
        public var published: LocalDateTime
        public var categories: [String]

        public init(guid: String, title: String, link: String? = nil, summary: String, published: LocalDateTime,
                    categories: [String] = []) {
            self.guid = guid
            self.title = title
            self.link = link
            self.summary = summary
            self.published = published
            self.categories = categories
        }
    }
}
