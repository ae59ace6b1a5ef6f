import Mustache

/// What the alert templates (`alerts/message.html`, `alerts/message.txt`) read: one view for
/// both parts. Every text is cleaned (``HTMLText/clean(_:)``) and on one line: the HTML
/// template escapes it, the text template, on one line, cannot forge another line of it.
/// Classes answering Mustache's lookups with a switch, as the pages' views do (``PageView``):
/// swift-mustache, which renders the text template, would otherwise reflect every lookup.
final class AlertMessageView {
    final class Search {
        let name: String
        /// "2 nouveautés ajoutées au catalogue le 7 décembre 2026".
        let summary: String
        /// The guide's frequency: "Tous les jours".
        let frequency: String
        let results: [Result]
        /// « et 3 autres », linking to the search's feed in the patron's folder.
        let more: Link?

        init(name: String, summary: String, frequency: String, results: [Result], more: Link?) {
            self.name = name
            self.summary = summary
            self.frequency = frequency
            self.results = results
            self.more = more
        }
    }

    final class Result {
        let title: String
        /// The catalogue record or the public event page; `nil` when the portal has none.
        let href: String?
        /// "Livre | Audic, Morgan. Auteur | 2025", or the first session.
        let details: String

        init(title: String, href: String?, details: String) {
            self.title = title
            self.href = href
            self.details = details
        }
    }

    final class Link {
        let label: String
        let href: String

        init(label: String, href: String) {
            self.label = label
            self.href = href
        }
    }

    let networkName: String
    let subject: String
    let firstName: String
    let searches: [Search]
    /// Where the patron changes or stops their alerts.
    let settingsURL: String
    /// The patron's "Mes centres d'intérêt" page in their private folder.
    let searchesURL: String

    init(networkName: String, subject: String, firstName: String, searches: [Search], settingsURL: String, searchesURL: String) {
        self.networkName = networkName
        self.subject = subject
        self.firstName = firstName
        self.searches = searches
        self.settingsURL = settingsURL
        self.searchesURL = searchesURL
    }
}

// MARK: - Mustache lookup

// Keep these switches in step with the stored properties (`AlertComposerTests` checks).

extension AlertMessageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "networkName": networkName
        case "subject": subject
        case "firstName": firstName
        case "searches": searches
        case "settingsURL": settingsURL
        case "searchesURL": searchesURL
        default: nil
        }
    }
}

extension AlertMessageView.Search: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "summary": summary
        case "frequency": frequency
        case "results": results
        case "more": more
        default: nil
        }
    }
}

extension AlertMessageView.Result: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "href": href
        case "details": details
        default: nil
        }
    }
}

extension AlertMessageView.Link: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "href": href
        default: nil
        }
    }
}
