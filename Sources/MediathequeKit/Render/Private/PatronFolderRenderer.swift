/// Renders `private/<token>/` for one patron: their own account and each shared
/// account ("Comptes partagés").
///
/// Pages: `index.html`, `prets.html`, `reservations.html`, `historique.html`,
/// `favoris/index.html` and `favoris/<shelf-id>.html`, `avis.html`,
/// `inscriptions.html`, `recherches.html`, `profil.html`, `synthese.html`; the
/// calendar `calendrier.ics`, the data export `donnees.json`, and one RSS feed per
/// active saved search, `recherches/<id>.rss` (the summary PDF is a document the
/// build adds: ``PatronDocumentRenderer``).
/// A member's loans, holds and registrations appear only in the folders of the
/// holders the database says share with them (``PatronBundle/shared``); history,
/// reviews, shelves, searches and profile are the patron's own.
///
/// ```swift
/// var renderer = PatronFolderRenderer(templates: templates, content: content)
/// renderer.searches = SavedSearchResolver(content: content, catalogue: index)
/// let files = try renderer.render(bundle, token: token).files
/// ```
struct PatronFolderRenderer {
    static let templates = [
        "layout", "private/nav", "private/document", "private/index", "private/prets", "private/reservations",
        "private/historique", "private/favoris", "private/etagere", "private/avis", "private/inscriptions",
        "private/recherches", "private/profil", "private/synthese", "private/loans-table", "private/title",
    ]

    /// This renderer's own: each worker has its ``PatronFolderRenderer``.
    private let pages: TemplateSet.PageRenderer
    let content: SiteContent
    /// Resolves saved searches into feeds; by default agenda searches only (no catalogue index).
    var searches: SavedSearchResolver

    /// The VEVENTs of registered sessions, as the public calendars write them.
    let sessionEvents: SessionCalendarEvent
    /// Only the HTML pages: no calendar, data export or feed (``SiteBuilder/pagesOnly``).
    var pagesOnly = false

    init(templates: TemplateSet, content: SiteContent) {
        pages = TemplateSet.PageRenderer(templates)
        self.content = content
        searches = SavedSearchResolver(content: content, catalogue: nil)
        sessionEvents = SessionCalendarEvent(content: content, plan: PublicPlan(content: content))
    }

    /// A folder's files, and how long they stay as they are: the first day after the build's
    /// date on which the same rows give other files (``FolderHorizon``), but for the date
    /// the dated ones state; `nil` for never, and for a part not rendered (its line keeps
    /// the published one's days).
    struct Folder {
        var files: [RenderedFile]
        /// Its states' (``PrivateFolderLayout/Part/states``).
        var changesOn: Day?
        /// Its searches' (``PrivateFolderLayout/Part/searches``).
        var searchesChangeOn: Day?
        /// Its summary's (``PrivateFolderLayout/summaryFiles``).
        var summaryChangesOn: Day?
    }

    /// Renders the patron's folder, paths under `private/<token>/`: the files of `parts`
    /// (``PrivateFolderLayout/Part``), all of them by default.
    /// - Throws: ``RenderError`` for a missing template or an unsafe path; what the catalogue index throws.
    func render(_ bundle: PatronBundle, token: String, parts: Set<PrivateFolderLayout.Part> = Set(PrivateFolderLayout.Part.allCases)) throws -> Folder {
        let folder = try BundlePath("private/\(token)")
        let folderURL = "\(content.config.privateBaseURL)\(token)/"
        let layout = PrivateFolderLayout.self
        // Resolved only when shown: the searches are what a folder rendered for its states alone spares most.
        var feeds: [Int64: SavedSearchFeed] = [:]
        if parts.contains(.searches) {
            for search in bundle.own.searches {
                if let feed = try searches.feed(for: search) { feeds[search.id] = feed }
            }
        }

        var files: [RenderedFile] = []
        func wanted(_ file: String) -> Bool {
            (!pagesOnly || file.hasSuffix(".html")) && parts.contains(layout.part(of: file))
        }
        func page(_ file: String, _ template: String, _ view: @autoclosure () -> Any) throws {
            guard wanted(file) else { return }
            files.append(RenderedFile(path: try folder.appending(file), bytes: try pages.render(template, view())))
        }
        // Shown by the holds page and the summary, made once for both, and not for neither.
        var holdsView: PrivateHoldsPageView?
        func holds() -> PrivateHoldsPageView {
            if let holdsView { return holdsView }
            let view = PrivateHoldsPageView(bundle: bundle, content: content)
            holdsView = view
            return view
        }
        try page(layout.home.file, "private/index", PrivateHomePageView(bundle: bundle, content: content, folderURL: folderURL))
        try page(layout.loans.file, "private/prets", PrivateLoansPageView(bundle: bundle, content: content))
        try page(layout.holds.file, "private/reservations", holds())
        try page(layout.history.file, "private/historique", PrivateHistoryPageView(bundle: bundle, content: content))
        try page(layout.favourites.file, "private/favoris", PrivateFavouritesPageView(bundle: bundle, content: content))
        for shelf in bundle.own.shelves {
            try page(layout.shelfPage(shelf.id), "private/etagere", PrivateShelfPageView(shelf: shelf, bundle: bundle, content: content))
        }
        try page(layout.reviews.file, "private/avis", PrivateReviewsPageView(bundle: bundle, content: content))
        try page(layout.registrations.file, "private/inscriptions", PrivateRegistrationsPageView(bundle: bundle, content: content))
        try page(layout.searches.file, "private/recherches", PrivateSearchesPageView(bundle: bundle, content: content, feeds: feeds))
        try page(layout.profile.file, "private/profil", PrivateProfilePageView(bundle: bundle, content: content))
        try page(layout.summaryPage, "private/synthese", PrivateSummaryPageView(bundle: bundle, content: content, holds: holds()))
        if wanted(layout.calendar) {
            let calendar = PersonalCalendar(content: content, sessions: sessionEvents).calendar(for: bundle, url: folderURL + layout.calendar)
            files.append(RenderedFile(path: try folder.appending(layout.calendar), text: ICalendarWriter().render(calendar)))
        }
        if wanted(layout.dataExport) {
            files.append(RenderedFile(path: try folder.appending(layout.dataExport),
                                      text: PatronDataExport(bundle: bundle, content: content).text))
        }
        let feedRenderer = SavedSearchFeedRenderer(content: content, folderURL: folderURL)
        for (id, feed) in feeds.sorted(by: { $0.key < $1.key }) where wanted(layout.searchFeed(id)) {
            files.append(feedRenderer.file(for: feed, at: try folder.appending(layout.searchFeed(id))))
        }
        // Each part's horizon, for the parts rendered only: an acquisitions night renders searches alone.
        func horizon(_ part: PrivateFolderLayout.Part, _ day: () -> Day?) -> Day? { parts.contains(part) ? day() : nil }
        return Folder(files: files,
                      changesOn: horizon(.states) { FolderHorizon.statesChangeOn(bundle, content: content, reading: .live) },
                      searchesChangeOn: horizon(.searches) { FolderHorizon.changesOn(feeds.values) },
                      summaryChangesOn: horizon(.summary) { FolderHorizon.statesChangeOn(bundle, content: content, reading: .kept) })
    }
}
