/// A document's columns: read alone from the catalogue (its digests, the search index), and
/// by a per-patron query whose rows show a document, in place of its id (``AccountQuery``).
enum DocumentColumn: Int32, QueryColumn {
    case id, title, authors, kind, year, summary, series, genre, audience, subjects, isbn, addedOn

    var sql: String {
        switch self {
        case .id: "d.id"
        case .title: "d.title"
        case .authors: "d.authors"
        case .kind: "d.kind"
        case .year: "d.year"
        case .summary: "d.summary"
        case .series: "d.series"
        case .genre: "d.genre"
        case .audience: "d.audience"
        case .subjects: "d.subjects"
        case .isbn: "d.isbn"
        case .addedOn: "d.added_on"
        }
    }
}
