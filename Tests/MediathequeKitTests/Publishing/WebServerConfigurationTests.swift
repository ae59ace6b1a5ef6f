import Foundation
import Testing

/// The shipped web-server configurations (`deploy/`) serving the demo, built by the
/// command, checked with real HTTP requests on 127.0.0.1 by `Tests/Publishing/server_test.py`.
@Suite struct WebServerConfigurationTests {
    @Test(.requiresServer("nginx")) func nginxServesTheDemoAsTheDeploymentGuideSays() throws {
        try servesTheDemo(with: "nginx")
    }

    @Test(.requiresServer("caddy")) func caddyServesTheDemoAsTheDeploymentGuideSays() throws {
        try servesTheDemo(with: "caddy")
    }

    private func servesTheDemo(with server: String) throws {
        let dir = try TemporaryDirectory()
        let bundle = dir.url.appendingPathComponent("_site")
        let build = try Command.run(["build", "--today", "2026-12-06", "--out", bundle.path])
        #expect(build.status == 0, Comment(rawValue: build.stderr))
        let outcome = try Publishing.serverTest(server, bundle: bundle)
        #expect(outcome.succeeded, Comment(rawValue: outcome.standardOutput + outcome.standardError))
    }
}

/// The deployment checks of `Tests/Publishing`, run on a built bundle.
enum Publishing {
    static let directory = Repository.root.appendingPathComponent("Tests/Publishing")

    /// The path of the demo's `private_base_url` (`/espace/`), read from `Site/site.conf`.
    static var privatePath: String {
        get throws {
            let conf = try String(contentsOf: Repository.site.appendingPathComponent("site.conf"), encoding: .utf8)
            let line = conf.split(separator: "\n").first { $0.hasPrefix("private_base_url") } ?? ""
            let value = line.split(separator: "=", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            return URL(string: value)?.path.appending("/") ?? "/"
        }
    }

    /// Runs `server_test.py` with `server` (nginx or caddy) over `bundle`.
    static func serverTest(_ server: String, bundle: URL) throws -> Validators.Outcome {
        guard let python = Validators.python else { throw ValidatorUnavailable(message: "python3 is not on the PATH") }
        let script = directory.appendingPathComponent("server_test.py").path
        return try Validators.run(python, [script, server, bundle.path, try privatePath])
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
