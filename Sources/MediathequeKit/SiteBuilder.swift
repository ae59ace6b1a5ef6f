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
        // Several connections read the file, each opening it by its path: the build is published
        // only if it is the same file, unchanged, at the end.
        let databaseFile = FileIdentity(path: inputs.database)
        let database = try stage("database") { try AccountDatabase(path: inputs.database) }
        // The catalogue's digest, which every folder's fingerprint may read, is taken while the
        // agenda is read and the public site built. The row checks scan every table on their own
        // connection while the build goes on; nothing is swapped in before they pass, and their
        // problems come before any other. What the first folders wait for comes first, rather
        // than share two cores with the checks: the catalogue's digest and, in a build that
        // renders every folder, the catalogue index.
        let path = inputs.database
        let catalogue = buildsFolders ? CatalogueDigest(databasePath: path) : nil
        let checks = Gate()
        let contract = Background {
            checks.wait()
            _ = try? catalogue?.value()
            return try AccountDatabase(path: path, cacheKiB: 2048).contractProblems()
        }
        do {
            defer { checks.open() }
            return try build(config: config, templates: templates, database: database, contract: contract, checks: checks,
                             catalogueDigest: catalogue, databaseFile: databaseFile)
        } catch {
            if let failure = contract.failure() { throw BuildError(stage: "database", underlying: failure) }
            throw error
        }
    }

    private func build(config: SiteConfiguration, templates: TemplateSet, database: AccountDatabase,
                       contract: Background<InputProblems>, checks: Gate,
                       catalogueDigest: CatalogueDigest?, databaseFile: FileIdentity?) throws -> BuildReport {
        progress(.stage("reading \(inputs.agenda)"))
        // Read once: the bytes parsed are the bytes digested.
        let agendaReader = AgendaFeedReader(file: inputs.agenda, libraries: database.libraries)
        let feedBytes = try stage("agenda") { try agendaReader.bytes() }
        let feed = try stage("agenda") { try agendaReader.read(feedBytes) }
        let content = try stage("database") {
            SiteContent(config: config, feed: feed, libraries: database.libraries,
                        confirmed: try database.confirmedRegistrations(), patronCount: try database.patronCount(),
                        today: inputs.today)
        }

        let bundle = try stage("write") { try StagedBundle(destination: inputs.output) }
        do {
            var report = BuildReport(output: inputs.output.path, today: inputs.today)
            report.actionsOff = config.actions.off.map(\.key)
            let previous = PublishedManifest(publishedAt: inputs.output)
            bundle.compareBase(with: previous)
            let salt = try stage("fingerprint") { try buildSalt(config: config, templates: templates, libraries: content.libraries) }
            let sameSalt = previous.salt == salt.lowercaseHex
            let agenda = agendaDigest(feedBytes, content)
            let manifest = try stage("write") {
                try ManifestWriter(path: bundle.stagedRoot(BuildManifest.fileName), header: (salt.lowercaseHex, inputs.today))
            }
            let buildsPublicSite = inputs.shard?.buildsPublicSite ?? true
            var catalogue: LazyCatalogue?
            if buildsFolders, try stage("catalogue index", { try database.hasActiveCatalogueSearch() }) {
                let progress = self.progress
                catalogue = LazyCatalogue(databasePath: inputs.database) {
                    progress(.stage("indexing the catalogue for saved searches"))
                }
                // A build that renders every folder (another salt) will need it: indexed
                // beside the public site rather than while the folders wait for it.
                if !sameSalt { catalogue?.prepare(then: checks.open) }
            }
            if catalogue == nil || sameSalt { checks.open() }
            if buildsPublicSite {
                progress(.stage("rendering the public site"))
                let digest = FolderFingerprint.publicDigest(salt: salt, today: inputs.today, agenda: agenda, assets: assetsDirectory)
                if let kept = previous.folder(BuildManifest.publicSite), kept.digest == digest,
                   try stage("write", { try bundle.keepFiles(kept.files) }) {
                    manifest.recordPublicSite(kept)
                } else {
                    var names: [String] = []
                    for file in try stage("render public", { try PublicSiteRenderer(templates: templates, content: content).files() }) {
                        try stage("write") { try bundle.write(file) }
                        names.append(file.path.value)
                        report.publicFiles += 1
                    }
                    names += try stage("write") { try copyAssets(into: bundle) }
                    manifest.recordPublicSite(.init(digest: digest, files: names.sorted(), renderedOn: inputs.today, changesOn: nil))
                }
            }
            if buildsFolders, let catalogueDigest {
                // One renderer per worker: each keeps its own cache of search results; the
                // catalogue index (a GRDB queue) serializes their queries.
                let folders = WorkerLocal(count: workers) { _ in
                    var renderer = PatronFolderRenderer(templates: templates, content: content)
                    renderer.searches = SavedSearchResolver(content: content, catalogue: catalogue)
                    renderer.pagesOnly = pagesOnly
                    return renderer
                }
                let fingerprint = try stage("fingerprint") {
                    let (catalogue, documents) = try catalogueDigest.value()
                    return FolderFingerprint(salt: salt, agenda: agenda, catalogue: catalogue, documents: documents)
                }
                let tokens = PatronToken(secret: inputs.secret.bytes)
                let tally = PatronTally(total: inputs.shard.map { (content.patronCount + $0.count - 1 - ($0.index - 1)) / $0.count }
                                               ?? content.patronCount)
                let documents = WorkerLocal(count: workers) { [pagesOnly, documentRenderer] _ in pagesOnly ? nil : documentRenderer?() }
                progress(.stage("rendering \(tally.total) patron folders"))
                try stage("render private") {
                    try PatronFolderBuild(database: database, today: inputs.today, rules: content.config.rules, shard: inputs.shard,
                                          tokens: tokens, fingerprint: fingerprint, previous: previous, manifest: manifest,
                                          bundle: bundle, content: content, folders: folders, documents: documents,
                                          workers: workers, tally: tally, progress: progress).run()
                }
                report.patrons = tally.done
                report.privateFiles = tally.files
                report.keptFolders = tally.kept
                report.refreshedFolders = tally.refreshed
            }
            try stage("write") {
                try manifest.finish()
                bundle.linkRootIfUnchanged(BuildManifest.fileName)
                try bundle.removeLeftovers()
            }
            report.events = feed.events.count
            report.sessions = feed.events.reduce(0) { $0 + $1.sessions.count }
            try stage("database") {
                try contract.wait()
                guard FileIdentity(path: inputs.database) == databaseFile else {
                    throw InputProblem(file: inputs.database, message: "changed while the build read it; nothing was published: build again")
                }
            }
            try stage("write") { try bundle.commit() }
            report.written = bundle.written
            report.unchanged = bundle.unchanged
            return report
        } catch {
            bundle.abandon()
            throw error
        }
    }

    /// What every part of the bundle is rendered with: the program, the configuration,
    /// the templates and the libraries, digested once per build. Not the date: the public
    /// site's fingerprint adds it, and a patron folder says how long it stays the same.
    private func buildSalt(config: SiteConfiguration, templates: TemplateSet, libraries: [String: Library]) throws -> [UInt8] {
        // Whether folders get their documents (the summary PDF) and their other files: a folder
        // kept from a build without them would lack them.
        var salt: [[UInt8]] = [FolderFingerprint.programDigest, Array("\(config)".utf8),
                               [documentRenderer == nil ? 0 : 1, pagesOnly ? 1 : 0]]
        salt += templates.sources.flatMap { [Array($0.name.utf8), $0.bytes] }
        salt += FolderFingerprint.libraryLines(libraries)
        return FolderFingerprint.digest(salt)
    }

    /// The agenda as the pages see it: the feed's bytes and the confirmed registrations.
    private func agendaDigest(_ feedBytes: Data, _ content: SiteContent) -> [UInt8] {
        let counts = content.confirmed.map { "\($0.key.eventID)\u{1F}\($0.key.sessionID)\u{1F}\($0.value)" }.sorted()
        return FolderFingerprint.digest([[UInt8](feedBytes)] + counts.map { Array($0.utf8) })
    }

    /// Whether this build renders patron folders (all of it, or a patrons' shard).
    private var buildsFolders: Bool { inputs.shard.map { !$0.buildsPublicSite } ?? true }

    private var assetsDirectory: URL { inputs.siteDirectory.appendingPathComponent("assets") }

    /// Copies `Site/assets/` to `public/assets/` and `private/assets/`.
    /// - Returns: the paths written, from the bundle's root.
    private func copyAssets(into bundle: StagedBundle) throws -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: assetsDirectory.path) else { return [] }
        var written: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            guard let data = FileManager.default.contents(atPath: assetsDirectory.appendingPathComponent(name).path) else { continue }
            for part in ["public", "private"] {
                let path = try BundlePath("\(part)/assets/\(name)")
                try bundle.write(RenderedFile(path: path, bytes: [UInt8](data)))
                written.append(path.value)
            }
        }
        return written
    }

    private func stage<T>(_ name: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as BuildError {
            throw error
        } catch {
            throw BuildError(stage: name, underlying: error)
        }
    }
}

/// What a build did, for the command to print.
public struct BuildReport: Sendable, CustomStringConvertible {
    public var output: String
    public var today: Day
    public var events = 0
    public var sessions = 0
    public var patrons = 0
    public var publicFiles = 0
    public var privateFiles = 0
    /// Files whose bytes changed or are new.
    public var written = 0
    /// Files identical to the published ones, kept as they were.
    public var unchanged = 0
    /// Patron folders whose inputs did not change, kept whole without rendering.
    public var keptFolders = 0
    /// Patron folders of an earlier date whose undated files were kept: only the files
    /// that print the date were written again.
    public var refreshedFolders = 0
    /// The `site.conf` keys of the portal's actions left empty: those actions are not shown.
    public var actionsOff: [String] = []

    public var description: String {
        """
        Built \(output) for \(today.french): \(events) events (\(sessions) sessions), \(patrons) patrons; \
        \(publicFiles) public and \(privateFiles) private files rendered, \(keptFolders) patron folders kept, \
        \(refreshedFolders) kept but for their dated files (\(written) written, \(unchanged) unchanged).
        """ + (actionsOff.isEmpty ? "" : "\nPortal actions not shown (empty in site.conf): \(actionsOff.joined(separator: ", ")).")
    }
}

/// A build failure, stamped with the stage it happened in.
public struct BuildError: Error, Sendable, CustomStringConvertible {
    public var stage: String
    public var underlying: any Error

    public init(stage: String, underlying: any Error) {
        self.stage = stage
        self.underlying = underlying
    }

    /// One line per problem.
    public var lines: [String] {
        if let problems = underlying as? InputProblems {
            return problems.description.split(separator: "\n").map(String.init)
        }
        return ["\(stage): \(underlying)"]
    }

    public var description: String { lines.joined(separator: "\n") }
}
