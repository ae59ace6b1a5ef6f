import Foundation
import MediathequeKit
import Testing

/// The shipped web-server configurations (`deploy/`) and the preview server (`mediatheque
/// serve`) serving the demo, built by the command, checked with the same real HTTP requests
/// on 127.0.0.1 by `Tests/Publishing/server_test.py`.
@Suite struct WebServerConfigurationTests {
    @Test(.requiresServer("nginx")) func nginxServesTheDemoAsTheDeploymentGuideSays() throws {
        try servesTheDemo(with: "nginx")
    }

    @Test(.requiresServer("caddy")) func caddyServesTheDemoAsTheDeploymentGuideSays() throws {
        try servesTheDemo(with: "caddy")
    }

    @Test(.enabled(if: Validators.required || Validators.python != nil, "python3 is missing"))
    func thePreviewServerAnswersAsNginxAndCaddyDo() throws {
        try servesTheDemo(with: "serve")
    }

    @Test(.enabled(if: Validators.required || Validators.python != nil, "python3 is missing"))
    func thePreviewServerRebuildsOnAnEditAndKeepsTheLastGoodBundle() throws {
        let outcome = try Publishing.script("serve_watch_test.py",
                                            [Command.executable.path, Repository.root.appendingPathComponent("Templates").path,
                                             try Publishing.demo.get().path])
        #expect(outcome.succeeded, Comment(rawValue: outcome.standardOutput + outcome.standardError))
    }

    @Test func thePreviewServerSaysWhenThereIsNoBundleToServe() throws {
        let dir = try TemporaryDirectory()
        let serve = try Command.run(["serve", "--no-build", "--out", dir.url.appendingPathComponent("_site").path])
        #expect(serve.status == 1)
        #expect(serve.stderr.contains("_site holds no bundle: build one, or serve without --no-build"), Comment(rawValue: serve.stderr))
    }

    private func servesTheDemo(with server: String) throws {
        let outcome = try Publishing.script("server_test.py", [server, try Publishing.demo.get().path, try Publishing.privatePath,
                                                               Command.executable.path])
        #expect(outcome.succeeded, Comment(rawValue: outcome.standardOutput + outcome.standardError))
    }
}

/// The deployment checks of `Tests/Publishing`, run on a built bundle.
enum Publishing {
    static let directory = Repository.root.appendingPathComponent("Tests/Publishing")

    /// The path of the demo's `private_base_url` (`/espace/`).
    static var privatePath: String {
        get throws { try SiteConfiguration.load(from: Repository.site).privatePath }
    }

    /// The demo built once by the command (with its PDFs) on 2026-12-06, for the servers,
    /// which only read it.
    static let demo = Result { () throws -> URL in
        let bundle = DemoBuild.processFolder("served").appendingPathComponent("_site")
        let build = try Command.run(["build", "--today", "2026-12-06", "--out", bundle.path])
        guard build.status == 0 else { throw DemoBuildFailed(description: build.stderr) }
        return bundle
    }

    private struct DemoBuildFailed: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a script of `Tests/Publishing` with `arguments`.
    static func script(_ name: String, _ arguments: [String]) throws -> Validators.Outcome {
        guard let python = Validators.python else { throw ValidatorUnavailable(message: "python3 is not on the PATH") }
        return try Validators.run(python, [directory.appendingPathComponent(name).path] + arguments)
    }

    static func isInstalled(_ program: String) -> Bool {
        ["/usr/sbin/", "/usr/bin/", "/usr/local/sbin/", "/usr/local/bin/"]
            .contains { FileManager.default.isExecutableFile(atPath: $0 + program) }
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test when `server` is installed (or when validators are required, as in CI).
    static func requiresServer(_ server: String) -> Self {
        .enabled(if: Validators.required || (Publishing.isInstalled(server) && Validators.python != nil),
                 "\(server) is missing (scripts/install-deps.sh installs it)")
    }
}
