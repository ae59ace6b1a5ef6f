import Foundation
@testable import MediathequeKit

/// The bundled demo, built as the command builds it (but for the summary PDF, which this
/// target does not link) on its reference date, with its search when Pagefind is installed.
///
/// ``shared()`` is built once per test process, on first use, for every test that only
/// reads a bundle: such a test must write nothing into it. A test that rebuilds a bundle,
/// breaks one or adds files to one builds its own.
struct DemoBuild: Sendable {
    static let today = Day(iso: "2025-03-28")!

    /// The bundle (`_site`, holding `public/` and `private/`).
    let bundle: URL
    /// The demo's account database, as the build read it.
    let database: String
    /// The demo's agenda feed, as the build read it.
    let agenda: String

    /// The demo's one shared build (or the error it failed with, for every test that asks).
    static func shared() throws -> DemoBuild { try built.get() }

    private static let built = Result { try DemoBuild(into: processFolder("demo")) }

    /// A folder for what a test process builds once: removed, with all it holds, when the process exits.
    static func processFolder(_ name: String) -> URL { processRoot.appendingPathComponent(name) }

    private static let processRoot: URL = {
        atexit { try? FileManager.default.removeItem(at: DemoBuild.processRoot) }
        return FileManager.default.temporaryDirectory.appendingPathComponent("mediatheque-shared-\(getpid())")
    }()

    /// Writes the demo's inputs into `folder` and builds them into `folder/_site`.
    init(into folder: URL, rendering: TemplateSet.Rendering = .init()) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let inputs = try DemoData(siteDirectory: Repository.site, today: Self.today).materialize(into: folder)
        bundle = folder.appendingPathComponent("_site")
        database = inputs.database
        agenda = inputs.agenda
        var buildInputs = SiteBuilder.Inputs(database: database, agenda: inputs.agenda, siteDirectory: Repository.site,
                                             templatesDirectory: Repository.templates, output: bundle,
                                             today: Self.today, secret: .demo)
        buildInputs.search = PagefindIndex.pagefind
        var builder = SiteBuilder(inputs: buildInputs)
        builder.rendering = rendering
        _ = try builder.build()
    }

    /// Every regular file of the bundle, as paths relative to it, sorted.
    var files: [String] { PublicTestSupport.files(in: bundle) }
}
