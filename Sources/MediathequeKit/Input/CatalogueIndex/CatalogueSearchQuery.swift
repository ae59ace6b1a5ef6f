import GRDB

/// The SQL, and its arguments, that asks a part of the catalogue index (``CatalogueIndexPart``)
/// for the candidates of a search, newest first: the full-text words and the facets narrow
/// them; the pure rules (``SavedSearchMatcher``) have the last word.
struct CatalogueSearchQuery {
    let sql: String
    let arguments: StatementArguments

    /// The candidates for `criteria` newer than the place `floor`.
    init(_ criteria: SearchCriteria, newerThan floor: Int?) {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        var source = "doc d"
        var order = "d.pos DESC"
        if !criteria.words.isEmpty {
            // The full-text table leads (CROSS JOIN keeps it first) and yields its matches newest first, so the
            // cursor stops after `limit` kept rows, without sorting every match.
            source = "doc_text t CROSS JOIN doc d ON d.pos = t.rowid"
            order = "t.rowid DESC"
            conditions.append("doc_text MATCH ?")
            arguments.append(criteria.words.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"*" }.joined(separator: " "))
        }
        for (facet, column) in [("kind", "kind_f"), ("genre", "genre_f"), ("audience", "audience_f")] {
            guard let values = criteria.values[facet] else { continue }
            let sorted = values.sorted()
            conditions.append("d.\(column) IN (\(Self.placeholders(sorted.count)))")
            arguments += sorted.map { $0 as String? }
        }
        if let libraries = criteria.values["library"] {
            let sorted = libraries.sorted()
            conditions.append("EXISTS (SELECT 1 FROM doc_library l WHERE l.doc_id = d.id AND l.library_f IN (\(Self.placeholders(sorted.count))))")
            arguments += sorted.map { $0 as String? }
        }
        if let year = criteria.yearFrom { conditions.append("d.year >= ?"); arguments.append(year) }
        if let year = criteria.yearTo { conditions.append("d.year <= ?"); arguments.append(year) }
        if let floor {
            // On the full-text table's row id when it leads, so that its scan stops there.
            conditions.append(criteria.words.isEmpty ? "d.pos > ?" : "t.rowid > ?")
            arguments.append(floor)
        }
        sql = """
            SELECT \(Self.selectList)
            FROM \(source)\(conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
            ORDER BY \(order)
            """
        self.arguments = StatementArguments(arguments)
    }

    /// A candidate's columns, its document's in the place of its id.
    private static let selectList = (Column.expressions.dropLast() + [DocumentColumn.selectList]).joined(separator: ", ")

    private static func placeholders(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ", ") }

    /// The columns of a candidate: its document's id last, its document's columns (which the
    /// index's `doc` table names as the account database does) in its place.
    enum Column: Int32, QueryColumn {
        case position, libraries, document

        var sql: String {
            switch self {
            case .position: "d.pos"
            case .libraries: "(SELECT group_concat(library, char(31)) FROM doc_library WHERE doc_id = d.id)"
            case .document: "d.id"
            }
        }
    }

    /// A candidate as its row gives it, or `nil` for a row that does not read as one.
    static func match(_ row: QueryRow<Column>) -> (position: Int, document: Document, libraries: [String])? {
        let r: QueryRow<DocumentColumn> = row.columns(from: .document)
        guard let position = row.int(.position), let id = r.int64(.id), let title = r.text(.title), let kind = r.text(.kind),
              let added = r.day(.addedOn) else { return nil }
        let subjects = (r.text(.subjects) ?? "").components(separatedBy: CatalogueIndexSchema.subjectSeparator).filter { !$0.isEmpty }
        let document = Document(id: id, title: title, authors: r.text(.authors), kind: kind, year: r.int(.year),
                                summary: r.text(.summary), series: r.text(.series), genre: r.text(.genre),
                                audience: r.text(.audience), subjects: subjects, isbn: r.text(.isbn), addedOn: added)
        return (position, document, (row.text(.libraries) ?? "").split(separator: "\u{1F}").map(String.init))
    }
}
