/// The files of a patron's private folder (`private/<token>/`), by relative path:
/// the pages, one page per shelf, one feed per active saved search, and the
/// calendar, summary and data export.
///
/// File names use numeric ids only: a shelf or a search named `../../x` is just a name.
public struct PrivateFolderLayout: Sendable {
    /// A page of the folder's navigation.
    public struct Page: Hashable, Sendable {
        public var file: String
        public var title: String
    }

    public static let home = Page(file: "index.html", title: "Mon compte")
    public static let loans = Page(file: "prets.html", title: "Prêts")
    public static let holds = Page(file: "reservations.html", title: "Réservations")
    public static let history = Page(file: "historique.html", title: "Historique de prêts")
    public static let favourites = Page(file: "favoris/index.html", title: "Mes favoris (mon panier)")
    public static let reviews = Page(file: "avis.html", title: "Mes avis")
    public static let registrations = Page(file: "inscriptions.html", title: "Mes inscriptions événements")
    public static let searches = Page(file: "recherches.html", title: "Mes centres d'intérêt")
    public static let profile = Page(file: "profil.html", title: "Profil")

    /// The navigation, in the guide's menu order.
    public static let pages = [home, loans, holds, history, profile, reviews, favourites, registrations, searches]

    public static let summaryPDF = "synthese.pdf"
    public static let summaryPage = "synthese.html"
    public static let calendar = "calendrier.ics"
    public static let dataExport = "donnees.json"
    /// The files that state the day they were rendered for ("Situation au …",
    /// `reference_date`). A folder kept by a later build keeps them as they are: they stay
    /// true while the patron's rows and their states do not change (``FolderDecision``).
    public static let datedFiles: Set<String> = [summaryPDF, summaryPage, dataExport]
    /// "Synthèse de mes comptes", as a page and as the document the build adds: read from the
    /// accounts' loans, holds and registrations alone, they are rendered only when those
    /// change (``FolderDecision``), and otherwise kept even when the rest of the folder is not.
    public static let summaryFiles: Set<String> = [summaryPDF, summaryPage]

    /// A folder's files by what they read: a build renders the parts whose reading changed
    /// and keeps the others (``FolderDecision``).
    public enum Part: CaseIterable, Hashable, Sendable {
        /// ``summaryFiles``: the accounts' loans, holds and registrations, their states read
        /// as a kept document does (``Reading/kept``).
        case summary
        /// `index.html`, `prets.html`, `inscriptions.html`, the calendar and the data export:
        /// the rows, and the loans' and registrations' states on the day (``Reading/live``).
        case states
        /// `recherches.html` and the feeds: the rows, and the searches' results on the day.
        case searches
        /// Holds, history, favourites and shelves, reviews, profile: the rows alone, the
        /// same bytes on any day.
        case rows
    }

    /// The part of `name`, relative to a folder, or of the file it is the ``Precompressed`` sibling of.
    /// A file not named here is one of the states': rendered whenever anything of the folder changes.
    static func part(of name: String) -> Part {
        let file = Precompressed.original(of: name)
        if summaryFiles.contains(String(file)) { return .summary }
        if file == searches.file || file.hasPrefix("recherches/") { return .searches }
        if rowsPages.contains(String(file)) || (file.hasPrefix("favoris/") && file.hasSuffix(".html")) { return .rows }
        return .states
    }

    private static let rowsPages: Set<String> = [holds.file, history.file, favourites.file, reviews.file, profile.file]

    public static func shelfPage(_ id: Int64) -> String { "favoris/\(id).html" }
    public static func searchFeed(_ id: Int64) -> String { "recherches/\(id).rss" }

    /// A labelled absolute URL of the folder.
    public struct Link: Hashable, Sendable {
        public var label: String
        public var url: String
    }

    /// Every URL of `bundle`'s folder under `baseURL` (the site's `private_base_url`, ending in `/`).
    /// The token names the folder; the secret that made it appears nowhere.
    public static func links(for bundle: PatronBundle, token: String, baseURL: String) -> [Link] {
        let folder = "\(baseURL)\(token)/"
        var links = pages.map { Link(label: $0.title, url: folder + $0.file) }
        for shelf in bundle.own.shelves {
            links.append(Link(label: "Favoris : \(shelf.name)", url: folder + shelfPage(shelf.id)))
        }
        links.append(Link(label: "Synthèse de mes comptes (PDF)", url: folder + summaryPDF))
        links.append(Link(label: "Synthèse de mes comptes (page)", url: folder + summaryPage))
        links.append(Link(label: "Calendrier (téléchargement)", url: folder + calendar))
        links.append(Link(label: "Calendrier (abonnement)", url: webcal(folder + calendar)))
        links.append(Link(label: "Mes données (JSON)", url: folder + dataExport))
        for search in bundle.own.searches where search.active {
            links.append(Link(label: "Flux : \(search.name)", url: folder + searchFeed(search.id)))
        }
        return links
    }

    /// The `webcal://` form of an http(s) URL, for calendar subscriptions.
    public static func webcal(_ url: String) -> String {
        for scheme in ["https://", "http://"] where url.hasPrefix(scheme) {
            return "webcal://" + url.dropFirst(scheme.count)
        }
        return url
    }
}
