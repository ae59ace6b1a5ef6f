import Foundation

/// One build: load → model → plan → render → write, into a staged folder that
/// replaces the published bundle only when every file is written.
///
/// The builder never reads the clock: the reference date comes in `today`.
public struct SiteBuilder {
    public struct Inputs: Sendable {
        public var database: String
        public var agenda: String
        public var siteDirectory: URL
        public var templatesDirectory: URL
        public var output: URL
        public var today: Day
        public var secret: SiteSecret
        /// Builds only a slice of the bundle; `nil` builds it all.
        public var shard: Shard?
        /// How long to wait, in seconds, for a writer holding the database's lock (a rollback journal).
        public var busyTimeout: Double = 30
        /// Indexes the public site for its search page; `nil` builds it without search
        /// (no index, no search page), which the report says.
        public var search: Pagefind?
        /// The day the dated files state (``SiteContent/situationDay``): tests only; `today` when `nil`.
        var situationDay: Day?

        public init(database: String, agenda: String, siteDirectory: URL, templatesDirectory: URL,
                    output: URL, today: Day, secret: SiteSecret, shard: Shard? = nil) {
            self.database = database
            self.agenda = agenda
            self.siteDirectory = siteDirectory
            self.templatesDirectory = templatesDirectory
            self.output = output
            self.today = today
            self.secret = secret
            self.shard = shard
        }
    }

    public let inputs: Inputs
    /// Told of each stage as it starts and of the patrons done, for progress lines.
    public var progress: @Sendable (BuildProgress) -> Void = { _ in }
    /// Makes the renderer of files this module cannot render itself (the summary PDF), once per worker.
    public var documentRenderer: (@Sendable () -> (any PatronDocumentRenderer)?)?
    /// What those documents are made with beyond the inputs (the fonts they may be set in:
    /// `SummaryFonts.identity`), for the salt: another font renders them all again.
    public var documentIdentity: [UInt8] = []
    /// Threads rendering patron folders.
    public var workers = ProcessInfo.processInfo.activeProcessorCount
    /// For benchmarks only: patron folders get their HTML pages and nothing else (no PDF,
    /// calendar, feed or data export), to compare page rendering with other generators.
    /// Such a bundle is incomplete; its salt differs, so the next full build renders it all.
    public var pagesOnly = false
    /// For tests: how pages are rendered (by swift-mustache alone, their views watched).
    var rendering = TemplateSet.Rendering()

    public init(inputs: Inputs) { self.inputs = inputs }

    /// Builds the bundle and swaps it in.
    /// - Throws: ``BuildError`` naming the stage; the published bundle is then untouched.
    public func build() throws -> BuildReport {
        let config = try stage("configuration") { try SiteConfiguration.load(from: inputs.siteDirectory) }
        let templates = try stage("templates") {
            var set = try TemplateSet(directory: inputs.templatesDirectory)
            set.rendering = rendering
            try set.require(PublicSiteRenderer.templates + PatronFolderRenderer.templates)
            return set
        }
        progress(.stage("reading \(inputs.database)"))
        let claim = try stage("write") { try OutputClaim(inputs.output) }
        defer { withExtendedLifetime(claim) {} }
        // Every connection reads one committed state: the bundle never mixes two.
        let snapshot = try stage("database") {
            try DatabaseSnapshot.take(of: inputs.database, as: StagedBundle.snapshotPath(for: inputs.output),
                                      busyTimeout: inputs.busyTimeout)
        }
        defer { snapshot.remove() }
        let database = try stage("database") { try snapshot.open() }
        // The documents' digests, which every folder's fingerprint reads, are taken while the
        // agenda is read and the public site built; the row checks start after them.
        let documents = inputs.buildsPatronFolders ? Background { try snapshot.open(cacheKiB: 2048).documentDigests() } : nil
        let checks = DatabaseChecks(snapshot: snapshot, after: documents)
        do {
            defer { checks.start() }
            return try build(config: config, templates: templates, database: database, snapshot: snapshot,
                             checks: checks, documents: documents)
        } catch {
            if let failure = checks.failure() { throw BuildError(stage: "database", underlying: failure) }
            throw error
        }
    }

    private func build(config: SiteConfiguration, templates: TemplateSet, database: AccountDatabase,
                       snapshot: DatabaseSnapshot, checks: DatabaseChecks, documents: Background<DocumentDigests>?) throws -> BuildReport {
        progress(.stage("reading \(inputs.agenda)"))
        // Read once: the bytes parsed are the bytes digested.
        let agendaReader = AgendaFeedReader(file: inputs.agenda, libraries: database.libraries)
        let feedBytes = try stage("agenda") { try agendaReader.bytes() }
        let feed = try stage("agenda") { try agendaReader.read(feedBytes) }
        var content = try stage("database") {
            SiteContent(config: config, feed: feed, libraries: database.libraries,
                        confirmed: try database.confirmedRegistrations(), patronCount: try database.patronCount(),
                        today: inputs.today)
        }
        // With no event to index, Pagefind would index every page whole: no search then.
        content.hasSearch = inputs.search != nil && !content.comingSessions.isEmpty
        content.situationDay = inputs.situationDay ?? inputs.today

        let bundle = try stage("write") { try StagedBundle(destination: inputs.output) }
        do {
            var report = BuildReport(output: inputs.output.path, today: inputs.today)
            report.actionsOff = config.actions.off.map(\.key)
            let published = PublishedManifest(publishedAt: inputs.output)
            bundle.compareBase(with: published)
            let salt = FolderFingerprint.salt(config: config, templates: templates, libraries: content.libraries,
                                              timeZone: feed.timeZone, documents: documentRenderer != nil, pagesOnly: pagesOnly,
                                              documentIdentity: documentIdentity)
            let agenda = FolderFingerprint.agendaDigest(feedBytes, confirmed: content.confirmed)
            let manifest = try stage("write") {
                try ManifestWriter(path: bundle.stagedRoot(BuildManifest.fileName), header: (salt.lowercaseHex, inputs.today))
            }
            let context = BuildContext(inputs: inputs, content: content, templates: templates, salt: salt, published: published,
                                       manifest: manifest, bundle: bundle, workers: workers, progress: progress)
            let catalogue = try catalogueIndex(database, snapshot: snapshot, checks: checks)
            if inputs.buildsPublicSite {
                let site = try PublicSiteBuild(context: context, agenda: agenda).run()
                report.publicFiles = site.rendered
                report.search = site.search
            }
            if inputs.buildsPatronFolders, let documents {
                report.add(try buildPatronFolders(context, database: database, catalogue: catalogue, documents: documents,
                                                  agenda: AgendaDigests(content: content)))
            }
            try stage("write") {
                try manifest.finish()
                bundle.linkRootIfUnchanged(BuildManifest.fileName)
                try bundle.removeLeftovers()
            }
            report.events = feed.events.count
            report.sessions = feed.events.reduce(0) { $0 + $1.sessions.count }
            try stage("database") { try checks.verify() }
            try stage("write") { try bundle.commit() }
            report.written = bundle.written
            report.unchanged = bundle.unchanged
            return report
        } catch {
            bundle.abandon()
            throw error
        }
    }

    /// Builds the patron folders of this build's shard, once the documents' digests are taken.
    /// - Returns: what was done with them.
    private func buildPatronFolders(_ context: BuildContext, database: AccountDatabase, catalogue: BackgroundCatalogue?,
                                    documents: Background<DocumentDigests>, agenda: AgendaDigests) throws -> PatronTally {
        let fingerprint = try stage("fingerprint") {
            FolderFingerprint(salt: context.salt, agenda: agenda,
                              catalogue: CatalogueSearchDigests(catalogue: catalogue, content: context.content),
                              documents: try documents.value())
        }
        let reader = PatronReader(database: database, today: inputs.today, rules: context.content.config.rules, shard: inputs.shard,
                                  tokens: PatronToken(secret: inputs.secret.bytes), fingerprint: fingerprint)
        let renderers = FolderRenderers(context: context, catalogue: catalogue, pagesOnly: pagesOnly, documents: documentRenderer)
        let tally = PatronTally(total: context.patronCount)
        progress(.stage("rendering \(tally.total) patron folders"))
        try stage("render private") {
            try PatronFolderBuild(context: context, reader: reader, renderers: renderers, tally: tally).run()
        }
        return tally
    }

    /// The catalogue index for the folders' saved searches, when one has any, and lets the
    /// row checks start. The folders' fingerprints read what each search shows, so the index
    /// is built beside the public site, before the checks, rather than while the folders wait for it.
    private func catalogueIndex(_ database: AccountDatabase, snapshot: DatabaseSnapshot, checks: DatabaseChecks) throws -> BackgroundCatalogue? {
        guard inputs.buildsPatronFolders, try stage("catalogue index", { try database.hasActiveCatalogueSearch() }) else {
            checks.start()
            return nil
        }
        let progress = self.progress
        return BackgroundCatalogue(snapshot: snapshot, onBuild: { progress(.stage("indexing the catalogue for saved searches")) },
                                   then: checks.start)
    }

    private func stage<T>(_ name: String, _ body: () throws -> T) throws -> T {
        try BuildError.stamping(name, body)
    }
}

extension SiteBuilder.Inputs {
    /// Whether this build renders the public site: all of the bundle, or shard 0.
    var buildsPublicSite: Bool { shard?.buildsPublicSite ?? true }
    /// Whether it renders patron folders: all of the bundle, or a patrons' shard.
    var buildsPatronFolders: Bool { shard?.buildsPatronFolders ?? true }
}
