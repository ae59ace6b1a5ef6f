import Mustache

/// A catalogue record as the private pages show it: title, then
/// 'Vidéo | Carrié, Stéphane. Auteur | 2022', series, genre and summary.
final class PrivateDocumentView {
    let title: String
    let facts: String
    let series: String?
    let genre: String?
    let summary: String?
    let addedOn: String?
    let recordURL: String?

    init(_ document: Document, addedOn: Day? = nil, links: PortalLinks) {
        title = HTMLText.clean(document.title)
        // Each fact isolated: a right-to-left author must not reorder the year after it.
        facts = document.facts.map { Text.isolated(HTMLText.clean($0)) }.joined(separator: " | ")
        series = HTMLText.clean(document.series)
        genre = HTMLText.clean(document.genre)
        summary = HTMLText.clean(document.summary)
        self.addedOn = addedOn?.french
        recordURL = links.record(document)
    }
}

// MARK: - Mustache lookup

// Mustache finds each name through these switches rather than a `Mirror`, which took half of a
// build's time; keep them in step with the stored properties (`PrivateViewLookupTests` checks).

extension PrivateDocumentView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "facts": self.facts
        case "series": self.series
        case "genre": self.genre
        case "summary": self.summary
        case "addedOn": self.addedOn
        case "recordURL": self.recordURL
        default: nil
        }
    }
}
