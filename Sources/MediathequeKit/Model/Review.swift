/// A patron's review ("avis") of a document, and where moderation stands.
public struct Review: Hashable, Sendable {
    public var id: Int64
    public var document: Document
    public var pseudonym: String
    public var rating: Int
    public var title: String
    public var body: String
    public var writtenAt: LocalDateTime
    public var status: Status

    public init(id: Int64, document: Document, pseudonym: String, rating: Int, title: String, body: String,
                writtenAt: LocalDateTime, status: Status) {
        self.id = id
        self.document = document
        self.pseudonym = pseudonym
        self.rating = rating
        self.title = title
        self.body = body
        self.writtenAt = writtenAt
        self.status = status
    }

    public enum Status: String, Hashable, Sendable, CaseIterable {
        case pending, published, rejected
    }
}
