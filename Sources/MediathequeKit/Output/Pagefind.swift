import Foundation

/// Pagefind (PyPI's `pagefind-bin`, whose wheel ships the program), which indexes the
/// staged `public/` for the search page: run as a program, without a shell, over the
/// public site only, before the bundle is swapped in.
public struct Pagefind: Sendable {
    /// The version `scripts/install-deps.sh` installs.
    public static let pinned = "1.5.2"
    /// The folder of `public/` the index is written to; the search page loads it from there.
    public static let folder = "pagefind"
    /// What to do when it is missing, for the error that says so.
    public static let installHint = """
        install it with `python3 -m pip install pagefind-bin==\(pinned)` (or scripts/install-deps.sh), \
        name it with --pagefind PATH, or build without the search with --no-search
        """

    /// The program and the arguments before Pagefind's own: `["/usr/local/bin/pagefind"]`,
    /// or `["/usr/bin/python3", "-m", "pagefind_bin"]`.
    public let command: [String]
    /// As the program says it: "1.5.2". Part of the public site's fingerprint: another
    /// version writes another index.
    public let version: String

    /// Finds Pagefind: `explicit` (`--pagefind` or `MEDIATHEQUE_PAGEFIND`), else `pagefind`
    /// on the `PATH`, else the `pagefind_bin` module of `python3` (the wheel installs no script).
    /// - Throws: ``SearchIndexError`` naming what was tried and how to install it.
    public static func locate(_ explicit: String?, environment: [String: String]) throws -> Pagefind {
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        func onPath(_ name: String) -> String? {
            folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        if let explicit {
            // A bare name is looked up on the PATH, as a shell would; a path is taken as it is.
            let command = explicit.contains("/") ? explicit : onPath(explicit) ?? explicit
            guard let found = try? Pagefind(command: [command]) else {
                throw SearchIndexError(message: "Pagefind '\(explicit)' does not run or is not Pagefind: \(installHint)")
            }
            return found
        }
        let candidates = [onPath("pagefind").map { [$0] }, onPath("python3").map { [$0, "-m", "pagefind_bin"] }]
        for command in candidates.compactMap({ $0 }) {
            if let found = try? Pagefind(command: command) { return found }
        }
        throw SearchIndexError(message: "Pagefind is not installed (neither `pagefind` on the PATH nor python3's pagefind_bin): \(installHint)")
    }

    /// Asks `command` its version.
    /// - Throws: ``SearchIndexError`` when it does not answer as Pagefind.
    init(command: [String]) throws {
        let answer = try Self.run(command + ["--version"], in: nil)
        let words = answer.output.split(whereSeparator: \.isWhitespace)
        guard answer.status == 0, words.count == 2, words[0] == "pagefind" else {
            throw SearchIndexError(message: "\(command.joined(separator: " ")) --version: not Pagefind")
        }
        self.command = command
        version = String(words[1])
    }

    /// Indexes the HTML of `site` (the staged `public/`) into `site/pagefind/`, in French
    /// (every page is `lang="fr"`: French stemming). Pagefind's own configuration files and
    /// `PAGEFIND_*` variables are left out: the index follows from the pages alone.
    /// - Parameter workingDirectory: where it runs (it reads `pagefind.yml` there): the staging folder.
    /// - Returns: what it indexed, from its output: "17 pages, 310 words, 4 filters, 1 sort".
    /// - Throws: ``SearchIndexError`` with its output when it fails.
    func index(site: String, workingDirectory: String) throws -> String {
        let arguments = ["--site", site, "--output-subdir", Self.folder, "--force-language", "fr"]
        let answer = try Self.run(command + arguments, in: workingDirectory)
        guard answer.status == 0 else {
            throw SearchIndexError(message: "Pagefind \(version) failed (\(answer.reason)) on \(site):\n\(answer.output)")
        }
        let counts = answer.output.split(separator: "\n").compactMap { line -> Substring? in
            let line = line.drop(while: \.isWhitespace)
            guard line.hasPrefix("Indexed "), !line.hasSuffix(" language") else { return nil }
            return line.dropFirst("Indexed ".count)
        }
        return counts.joined(separator: ", ")
    }

    /// Runs `arguments` (no shell), its output and errors read together.
    private static func run(_ arguments: [String], in directory: String?) throws -> (status: Int32, reason: String, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PAGEFIND_") }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw SearchIndexError(message: "\(arguments[0]) cannot be started (\(error.localizedDescription)): \(installHint)")
        }
        // Read to the end before waiting: a full pipe would block it.
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let status = process.terminationStatus
        if process.terminationReason == .uncaughtSignal { return (-status, "killed by signal \(status)", output) }
        return (status, "exit status \(status)", output)
    }
}

/// Pagefind missing, or failing on the site.
public struct SearchIndexError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
