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

    public init(inputs: Inputs) { self.inputs = inputs }

    /// Builds the bundle and swaps it in.
    /// - Throws: ``BuildError`` naming the stage; the published bundle is then untouched.
    public func build() throws -> BuildReport {
        let config = try stage("configuration") { try SiteConfiguration.load(from: inputs.siteDirectory) }
        let templates = try stage("templates") {
            let set = try TemplateSet(directory: inputs.templatesDirectory)
            try set.require(PublicSiteRenderer.templates + PatronFolderRenderer.templates)
            return set
        }
        progress(.stage("reading \(inputs.database)"))
        let database = try stage("database") { try AccountDatabase(path: inputs.database) }
        try stage("database") {
            let problems = try database.contractProblems()
            if !problems.problems.isEmpty { throw problems }
        }
        progress(.stage("reading \(inputs.agenda)"))
        let feed = try stage("agenda") { try AgendaFeedReader(file: inputs.agenda, libraries: database.libraries).read() }
        let content = try stage("database") {
            SiteContent(config: config, feed: feed, libraries: database.libraries,
                        confirmed: try database.confirmedRegistrations(), patronCount: try database.patronCount(),
                        today: inputs.today)
        }

        let bundle = try stage("write") { try StagedBundle(destination: inputs.output) }
        do {
            var report = BuildReport(output: inputs.output.path, today: inputs.today)
            if inputs.shard?.buildsPublicSite ?? true {
                progress(.stage("rendering the public site"))
                for file in try stage("render public", { try PublicSiteRenderer(templates: templates, content: content).files() }) {
                    try stage("write") { try bundle.write(file) }
                    report.publicFiles += 1
                }
                try stage("write") { try copyAssets(into: bundle) }
            }
            if inputs.shard.map({ !$0.buildsPublicSite }) ?? true {
                var catalogue: LazyCatalogue?
                if try stage("catalogue index", { try database.hasActiveCatalogueSearch() }) {
                    let progress = self.progress
                    catalogue = LazyCatalogue(databasePath: inputs.database) {
                        progress(.stage("indexing the catalogue for saved searches"))
                    }
                }
                // One renderer per worker: each keeps its own cache of search results; the
                // catalogue index (a GRDB queue) serializes their queries.
                let folders = WorkerLocal(count: workers) { _ in
                    var renderer = PatronFolderRenderer(templates: templates, content: content)
                    renderer.searches = SavedSearchResolver(content: content, catalogue: catalogue)
                    return renderer
                }
                let fingerprint = try stage("fingerprint") {
                    try self.fingerprint(config: config, content: content, database: database)
                }
                let rendered = try stage("render private") {
                    try renderPatrons(database: database, content: content, folders: folders, fingerprint: fingerprint, into: bundle)
                }
                report.patrons = rendered.patrons
                report.privateFiles = rendered.files
                report.keptFolders = rendered.kept
                try stage("write") { try bundle.writeRoot(BuildManifest.fileName, Array(rendered.manifest.text.utf8)) }
            }
            report.events = feed.events.count
            report.sessions = feed.events.reduce(0) { $0 + $1.sessions.count }
            try stage("write") { try bundle.commit() }
            report.written = bundle.written
            report.unchanged = bundle.unchanged
            return report
        } catch {
            bundle.abandon()
            throw error
        }
    }

    /// The inputs a patron folder depends on beyond its own rows, digested once per build.
    private func fingerprint(config: SiteConfiguration, content: SiteContent, database: AccountDatabase) throws -> FolderFingerprint {
        var salt: [[UInt8]] = [FolderFingerprint.programDigest, Array(content.today.iso.utf8), Array("\(config)".utf8)]
        salt += FolderFingerprint.folderBytes(inputs.templatesDirectory)
        let feedBytes = FileManager.default.contents(atPath: inputs.agenda).map { [UInt8]($0) } ?? []
        let counts = content.confirmed.map { "\($0.key.eventID)\u{1F}\($0.key.sessionID)\u{1F}\($0.value)" }.sorted()
        return FolderFingerprint(salt: FolderFingerprint.digest(salt),
                                 agenda: FolderFingerprint.digest([feedBytes] + counts.map { Array($0.utf8) }),
                                 catalogue: try database.catalogueDigest())
    }

    /// Renders every patron folder of this build's shard on all cores, keeping the published
    /// folders whose fingerprint did not change.
    private func renderPatrons(database: AccountDatabase, content: SiteContent, folders: WorkerLocal<PatronFolderRenderer>,
                               fingerprint: FolderFingerprint, into bundle: StagedBundle) throws
        -> (patrons: Int, files: Int, kept: Int, manifest: BuildManifest) {
        let previous = BuildManifest(publishedAt: inputs.output)
        let tokens = PatronToken(secret: inputs.secret.bytes)
        let progress = self.progress
        let tally = PatronTally(total: inputs.shard.map { (content.patronCount + $0.count - 1 - ($0.index - 1)) / $0.count } ?? content.patronCount)
        let documents = WorkerLocal(count: workers) { _ in documentRenderer?() }
        progress(.stage("rendering \(tally.total) patron folders"))
        try ParallelRenderer(workers: workers).run(produce: { emit in
            var position = 0
            try database.forEachBundle(today: inputs.today, rules: content.config.rules) { patron in
                defer { position += 1 }
                if inputs.shard?.contains(patronAt: position) ?? true { try emit(patron) }
            }
        }, work: { patron, worker in
            let token = tokens.token(for: patron.own.patron)
            let digest = try fingerprint.digest(of: patron, token: token)
            let folder = try BundlePath("private/\(token)")
            if let kept = previous.folders[token], kept.digest == digest, try bundle.keepFolder(folder, files: kept.files) {
                tally.add(files: 0, kept: true, token: token, folder: kept, progress: progress)
                return
            }
            var files = try folders[worker].files(for: patron, token: token)
            if let renderer = documents[worker] {
                for document in try renderer.files(for: patron, content: content) {
                    files.append(RenderedFile(path: try folder.appending(document.name), bytes: document.bytes))
                }
            }
            for file in files { try bundle.write(file) }
            let names = files.map { String($0.path.value.dropFirst(folder.value.count + 1)) }.sorted()
            tally.add(files: files.count, kept: false, token: token, folder: .init(digest: digest, files: names), progress: progress)
        })
        return (tally.done, tally.files, tally.kept, BuildManifest(folders: tally.manifest))
    }

    /// Copies `Site/assets/` to `public/assets/` and `private/assets/`.
    private func copyAssets(into bundle: StagedBundle) throws {
        let assets = inputs.siteDirectory.appendingPathComponent("assets")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: assets.path) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            guard let data = FileManager.default.contents(atPath: assets.appendingPathComponent(name).path) else { continue }
            for part in ["public", "private"] {
                try bundle.write(RenderedFile(path: try BundlePath("\(part)/assets/\(name)"), bytes: [UInt8](data)))
            }
        }
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

    public var description: String {
        """
        Built \(output) for \(today.french): \(events) events (\(sessions) sessions), \(patrons) patrons; \
        \(publicFiles) public and \(privateFiles) private files rendered, \(keptFolders) patron folders kept \
        (\(written) written, \(unchanged) unchanged).
        """
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
