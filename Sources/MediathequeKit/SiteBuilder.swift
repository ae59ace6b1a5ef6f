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

        public init(database: String, agenda: String, siteDirectory: URL, templatesDirectory: URL,
                    output: URL, today: Day, secret: SiteSecret) {
            self.database = database
            self.agenda = agenda
            self.siteDirectory = siteDirectory
            self.templatesDirectory = templatesDirectory
            self.output = output
            self.today = today
            self.secret = secret
        }
    }

    public let inputs: Inputs
    /// Told of each stage as it starts, for progress lines.
    public var progress: @Sendable (String) -> Void = { _ in }

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
        progress("reading \(inputs.database)")
        let database = try stage("database") { try AccountDatabase(path: inputs.database) }
        try stage("database") {
            let problems = try database.contractProblems()
            if !problems.problems.isEmpty { throw problems }
        }
        progress("reading \(inputs.agenda)")
        let feed = try stage("agenda") { try AgendaFeedReader(file: inputs.agenda, libraries: database.libraries).read() }
        let content = try stage("database") {
            SiteContent(config: config, feed: feed, libraries: database.libraries,
                        confirmed: try database.confirmedRegistrations(), patronCount: try database.patronCount(),
                        today: inputs.today)
        }

        let bundle = try stage("write") { try StagedBundle(destination: inputs.output) }
        do {
            var report = BuildReport(output: inputs.output.path, today: inputs.today)
            progress("rendering the public site")
            for file in try stage("render public", { try PublicSiteRenderer(templates: templates, content: content).files() }) {
                try stage("write") { try bundle.write(file) }
                report.publicFiles += 1
            }
            try stage("write") { try copyAssets(into: bundle) }
            var folders = PatronFolderRenderer(templates: templates, content: content)
            if try stage("catalogue index", { try database.hasActiveCatalogueSearch() }) {
                progress("indexing the catalogue for saved searches")
                let index = try stage("catalogue index") { try CatalogueIndex(source: database) }
                folders.searches = SavedSearchResolver(content: content, catalogue: index)
            }
            progress("rendering \(content.patronCount) patron folders")
            let tokens = PatronToken(secret: inputs.secret.bytes)
            try stage("render private") {
                try database.forEachBundle(today: inputs.today, rules: config.rules) { patron in
                    for file in try folders.files(for: patron, token: tokens.token(for: patron.own.patron)) {
                        try bundle.write(file)
                        report.privateFiles += 1
                    }
                    report.patrons += 1
                }
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

    public var description: String {
        """
        Built \(output) for \(today.french): \(events) events (\(sessions) sessions), \(patrons) patrons; \
        \(publicFiles) public and \(privateFiles) private files (\(written) written, \(unchanged) unchanged).
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
