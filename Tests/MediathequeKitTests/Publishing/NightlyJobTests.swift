import Foundation
import Testing

/// The nightly job's files (`deploy/systemd/`, `deploy/kubernetes/`), checked offline by
/// the tools that read them.
@Suite struct NightlyJobTests {
    static let deploy = Repository.root.appendingPathComponent("deploy")

    /// `systemd-analyze verify`, with the built program in place of the installed one (it
    /// checks that the command exists).
    @Test(.requiresTool("systemd-analyze")) func theSystemdUnitsVerify() throws {
        let dir = try TemporaryDirectory()
        for name in ["mediatheque-build.service", "mediatheque-build.timer"] {
            let text = try String(contentsOf: Self.deploy.appendingPathComponent("systemd/\(name)"), encoding: .utf8)
            try dir.write(name, text.replacingOccurrences(of: "/usr/local/bin/mediatheque", with: Command.executable.path))
        }
        let analyze = try #require(Publishing.tool("systemd-analyze"))
        let outcome = try Validators.run(analyze, ["verify", dir.path("mediatheque-build.service"), dir.path("mediatheque-build.timer")])
        #expect(outcome.succeeded && outcome.standardError.isEmpty, Comment(rawValue: outcome.standardOutput + outcome.standardError))
        let crontab = try String(contentsOf: Self.deploy.appendingPathComponent("systemd/mediatheque.crontab"), encoding: .utf8)
        let service = try String(contentsOf: Self.deploy.appendingPathComponent("systemd/mediatheque-build.service"), encoding: .utf8)
        // The same build, option for option, but for where the secret comes from.
        let options = ["--database", "--agenda", "--site", "--templates", "--secret-file", "--out", "/srv/mediatheque/_site"]
        #expect(options.allSatisfy { crontab.contains($0) && service.contains($0) })
    }

    @Test(.requiresTool("kubernetes-validate")) func theKubernetesManifestValidates() throws {
        let validate = try #require(Publishing.tool("kubernetes-validate"))
        let manifest = Self.deploy.appendingPathComponent("kubernetes/mediatheque-nightly.yaml")
        let outcome = try Validators.run(validate, ["--strict", manifest.path])
        #expect(outcome.succeeded, Comment(rawValue: outcome.standardOutput + outcome.standardError))
        let text = try String(contentsOf: manifest, encoding: .utf8)
        #expect(text.contains("completionMode: Indexed") && text.contains("--shard \"$K/$N\""))
    }
}

extension Publishing {
    /// `name` found on the `PATH` (or in the usual folders), or `nil`.
    static func tool(_ name: String) -> URL? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test when `tool` is installed (or when validators are required, as in CI).
    static func requiresTool(_ tool: String) -> Self {
        .enabled(if: Validators.required || Publishing.tool(tool) != nil, "\(tool) is missing (scripts/install-deps.sh installs it)")
    }
}
