/// What the alert templates (`alerts/message.html`, `alerts/message.txt`) read: one view for
/// both parts. Every text is cleaned (``HTMLText/clean(_:)``) and on one line: the HTML
/// template escapes it, the text template, on one line, cannot forge another line of it.
struct AlertMessageView {
    struct Search {
        let name: String
        /// "2 nouveautés ajoutées au catalogue le 7 décembre 2026".
        let summary: String
        /// The guide's frequency: "Tous les jours".
        let frequency: String
        let results: [Result]
        /// « et 3 autres », linking to the search's feed in the patron's folder.
        let more: Link?
    }

    struct Result {
        let title: String
        /// The catalogue record or the public event page; `nil` when the portal has none.
        let href: String?
        /// "Livre | Audic, Morgan. Auteur | 2025", or the first session.
        let details: String
    }

    struct Link {
        let label: String
        let href: String
    }

    let networkName: String
    let subject: String
    let firstName: String
    let searches: [Search]
    /// Where the patron changes or stops their alerts.
    let settingsURL: String
    /// The patron's "Mes centres d'intérêt" page in their private folder.
    let searchesURL: String
}
