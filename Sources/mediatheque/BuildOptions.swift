import ArgumentParser
import Foundation
import MediathequeKit
import MediathequePDF

/// What a build reads and where it writes: the options of `build`, which `serve` takes too.
struct BuildOptions: ParsableArguments {
    @OptionGroup var input: InputOptions

    @Option(help: "Where the bundle is published; it is replaced whole, only when the build succeeds.")
    var out = "_site"

    @Option(help: "Build one slice: 0/N the public site, K/N (K = 1…N) the K-th slice of the patrons.")
    var shard: String?

    @Option(help: "Seconds to wait for a writer holding the database's lock (rollback journal) before refusing.")
    var busyTimeout: Double = 30

    @Option(help: "Threads rendering patron folders (default: one per core).")
    var jobs: Int?

    @Option(help: "The Pagefind program that indexes the search (else MEDIATHEQUE_PAGEFIND, pagefind on the PATH, or python3 -m pagefind_bin).")
    var pagefind: String?

    @Flag(help: "Build without the search: no index and no search page (Pagefind is then not needed).")
    var noSearch = false

    @Flag(help: ArgumentHelp("Benchmarks only: patron folders get their HTML pages and nothing else; the bundle is incomplete.",
                             visibility: .hidden))
    var pagesOnly = false

    func validate() throws {
        if let shard, Shard(shard) == nil { throw ValidationError("--shard must be K/N with 0 ≤ K ≤ N and N ≥ 1, got '\(shard)'") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if !(busyTimeout >= 0) { throw ValidationError("--busy-timeout must be a number of seconds, 0 or more") }
        if noSearch, pagefind != nil { throw ValidationError("--pagefind names the program --no-search does without: give one or the other") }
    }

    /// Builds the bundle into `out`, the progress on standard error.
    /// - Throws: what the build refused (``describe(_:)`` words it); the published bundle is then untouched.
    func build() throws -> BuildReport {
        let inputs = try input.read()
        defer { inputs.cleanUp() }
        let config = inputs.config
        var buildInputs = SiteBuilder.Inputs(
            database: inputs.database, agenda: inputs.agenda, siteDirectory: input.siteURL,
            templatesDirectory: input.templatesURL, output: URL(fileURLWithPath: out),
            today: inputs.today, secret: inputs.secret, shard: shard.flatMap(Shard.init))
        buildInputs.busyTimeout = busyTimeout
        // Only the build that makes public/ indexes it.
        if !noSearch, buildInputs.shard?.buildsPublicSite ?? true {
            let environment = ProcessInfo.processInfo.environment
            buildInputs.search = try Pagefind.locate(pagefind ?? environment["MEDIATHEQUE_PAGEFIND"], environment: environment)
        }
        var builder = SiteBuilder(inputs: buildInputs)
        let progress = ProgressLine()
        builder.progress = { progress.report($0) }
        let fonts = try SummaryFonts(folder: SiteConfiguration.fontsDirectory(in: input.siteURL))
        builder.documentRenderer = { SummaryDocument(config: config, fonts: fonts) }
        builder.documentIdentity = fonts.identity()
        if let jobs { builder.workers = jobs }
        builder.pagesOnly = pagesOnly
        return try builder.build()
    }
}
