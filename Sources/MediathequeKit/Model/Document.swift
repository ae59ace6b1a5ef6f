/// A catalogue record ("notice").
public struct Document: Hashable, Sendable {
    public var id: Int64
    public var title: String
    public var authors: String?
    /// 'Livre', 'Vidéo', 'Musique', 'Application', ...: the guide's "Document" column.
    public var kind: String
    public var year: Int?
    public var summary: String?
    public var series: String?
    public var genre: String?
    public var audience: String?
    /// Subject headings, already split on " ; ".
    public var subjects: [String]
    public var isbn: String?
    public var addedOn: Day

    public init(id: Int64, title: String, authors: String? = nil, kind: String, year: Int? = nil,
                summary: String? = nil, series: String? = nil, genre: String? = nil, audience: String? = nil,
                subjects: [String] = [], isbn: String? = nil, addedOn: Day) {
        self.id = id
        self.title = title
        self.authors = authors
        self.kind = kind
        self.year = year
        self.summary = summary
        self.series = series
        self.genre = genre
        self.audience = audience
        self.subjects = subjects
        self.isbn = isbn
        self.addedOn = addedOn
    }
}
