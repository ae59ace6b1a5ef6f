import Foundation
import Testing

/// Runs the Python validators of `Tests/Validators` (the same scripts check a
/// whole built bundle) on files written by a test.
///
/// A test that needs them carries ``Testing/Trait/requiresICSValidators`` or
/// ``Testing/Trait/requiresRSSValidators``: it is skipped when `python3` or a
/// module is missing locally, unless `MEDIATHEQUE_REQUIRE_VALIDATORS=1` (set
/// it in CI), where a missing validator fails the test instead.
enum Validators {
    /// What a validator said.
    struct Outcome: Sendable {
        var status: Int32
        var standardOutput: String
        var standardError: String

        var succeeded: Bool { status == 0 }
    }

    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // MediathequeKitTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Validators")

    static let required = ProcessInfo.processInfo.environment["MEDIATHEQUE_REQUIRE_VALIDATORS"] == "1"

    /// `python3` found on the `PATH`, or `nil`.
    static let python: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent("python3") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static let hasICSModules = canImport(["ical", "icalendar"])
    static let hasRSSModules = canImport(["feedparser"])
    static let hasJSONLDModules = canImport(["extruct"])

    /// Whether `python3` can import every one of `modules`.
    static func canImport(_ modules: [String]) -> Bool {
        guard let python else { return false }
        let outcome = try? run(python, ["-c", "import " + modules.joined(separator: ", ")])
        return outcome?.succeeded ?? false
    }

    /// Runs `validate_ics.py` on `paths` (files or directories).
    static func validateICS(_ paths: [URL], json: Bool = false) throws -> Outcome {
        try script("validate_ics.py", paths, json: json)
    }

    /// Runs `validate_rss.py` on `paths` (files or directories).
    static func validateRSS(_ paths: [URL], json: Bool = false) throws -> Outcome {
        try script("validate_rss.py", paths, json: json)
    }

    /// Runs `validate_jsonld.py` on the event pages of `publicFolder`, against the feed and database the build read.
    static func validateJSONLD(publicFolder: URL, feed: String, database: String, today: String) throws -> Outcome {
        guard let python else { throw ValidatorUnavailable(message: "python3 is not on the PATH") }
        return try run(python, [directory.appendingPathComponent("validate_jsonld.py").path, "--feed", feed,
                                "--database", database, "--today", today, publicFolder.path])
    }

    private static func script(_ name: String, _ paths: [URL], json: Bool) throws -> Outcome {
        guard let python else { throw ValidatorUnavailable(message: "python3 is not on the PATH") }
        let arguments = [directory.appendingPathComponent(name).path] + (json ? ["--json"] : []) + paths.map(\.path)
        return try run(python, arguments)
    }

    /// Runs a program to its end, its output collected through files (no pipe to fill up).
    static func run(_ executable: URL, _ arguments: [String]) throws -> Outcome {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let outURL = scratch.url.appendingPathComponent("stdout")
        let errURL = scratch.url.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Outcome(status: process.terminationStatus,
                       standardOutput: try String(contentsOf: outURL, encoding: .utf8),
                       standardError: try String(contentsOf: errURL, encoding: .utf8))
    }
}

struct ValidatorUnavailable: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test when `python3` with `ical` and `icalendar` is there (or when validators are required).
    static var requiresICSValidators: Self {
        .enabled(if: Validators.required || Validators.hasICSModules,
                 "python3 with the ical and icalendar modules is missing (pip install ical icalendar)")
    }

    /// Runs the test when `python3` with `extruct` is there (or when validators are required).
    static var requiresJSONLDValidator: Self {
        .enabled(if: Validators.required || Validators.hasJSONLDModules,
                 "python3 with the extruct module is missing (pip install extruct)")
    }

    /// Runs the test when `python3` with `feedparser` is there (or when validators are required).
    static var requiresRSSValidators: Self {
        .enabled(if: Validators.required || Validators.hasRSSModules,
                 "python3 with the feedparser module is missing (pip install feedparser)")
    }
}
