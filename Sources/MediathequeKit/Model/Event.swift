/// An event of the cultural programme ("animation" of the agenda), as the feed describes it.
public struct Event: Hashable, Sendable {
    public var id: String
    public var updated: LocalDateTime
    public var title: String
    public var summary: String?
    /// Plain text; a blank line separates paragraphs.
    public var description: String?
    public var categories: [String]
    public var audience: String?
    public var conditions: String?
    public var contact: String?
    public var image: Image?
    public var accessibility: [Accessibility]
    public var sessions: [Session]

    public init(id: String, updated: LocalDateTime, title: String, summary: String? = nil, description: String? = nil,
                categories: [String] = [], audience: String? = nil, conditions: String? = nil, contact: String? = nil,
                image: Image? = nil, accessibility: [Accessibility] = [], sessions: [Session] = []) {
        self.id = id
        self.updated = updated
        self.title = title
        self.summary = summary
        self.description = description
        self.categories = categories
        self.audience = audience
        self.conditions = conditions
        self.contact = contact
        self.image = image
        self.accessibility = accessibility
        self.sessions = sessions
    }

    /// The description split into paragraphs on blank lines.
    public var paragraphs: [String] {
        guard let description else { return [] }
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in description.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
        return paragraphs
    }

    public struct Image: Hashable, Sendable {
        public var href: String
        public var alt: String

        public init(href: String, alt: String) {
            self.href = href
            self.alt = alt
        }
    }

    /// The feed's accessibility codes, spelled out for people.
    public enum Accessibility: String, Hashable, Sendable, CaseIterable {
        case hearing = "hi", visual = "vi", psychic = "pi", motor = "mi", intellectual = "ii"
    }
}
