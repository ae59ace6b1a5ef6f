import ArgumentParser
import Foundation
import MediathequeKit

@main
struct Mediatheque: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mediatheque",
        abstract: "Builds the static bundle of a library network: the public agenda site and every patron's private folder.",
        subcommands: [Build.self, Serve.self, Check.self, Generate.self, Link.self, Alerts.self, Send.self],
        defaultSubcommand: Build.self
    )

    static func main() {
        // Before any connection, the demo's included: it is materialized through SQLite too.
        StopCleanUp.shared.install()
        AccountDatabase.prepareSQLite()
        main(nil)
    }
}

/// Prints each line on standard error and exits with `code`: the one way the command fails.
func fail(_ lines: [String], code: Int32 = 1) -> ExitCode {
    for line in lines { FileHandle.standardError.write(Data("mediatheque: \(line)\n".utf8)) }
    return ExitCode(code)
}

/// Runs a command's work: its usage errors and its own exits pass through, anything else
/// is described on standard error (``describe(_:)``) and the command exits with status 1.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch {
        throw fail(describe(error))
    }
}

func describe(_ error: any Error) -> [String] {
    if let error = error as? BuildError { return error.lines }
    if let problems = error as? InputProblems { return problems.description.split(separator: "\n").map(String.init) }
    return ["\(error)"]
}

/// The reference date given with `--today`, or today in the site's zone.
func referenceDay(_ text: String?, timeZone: String) throws -> Day {
    if let text {
        guard let day = Day(iso: text) else { throw ValidationError("--today must be a date YYYY-MM-DD, got '\(text)'") }
        return day
    }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: timeZone) ?? .current
    let parts = calendar.dateComponents([.year, .month, .day], from: Date())
    return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
}

/// What `build` and `link` start from: the site configuration, the reference date,
/// the secret, and the input files given, or the demo materialized in a temporary
/// folder (removed with ``cleanUp()``) when none are.
struct CommandInputs {
    var config: SiteConfiguration
    var today: Day
    var secret: SiteSecret
    var database: String
    var agenda: String
    private var demoFolder: URL?

    init(database: String?, agenda: String?, site: URL, today text: String?, secretFile: String?) throws {
        config = try SiteConfiguration.load(from: site)
        let today = try referenceDay(text, timeZone: config.timeZone)
        self.today = today
        secret = try SiteSecret.resolve(file: secretFile, environment: ProcessInfo.processInfo.environment,
                                        isDemo: database == nil)
        guard database == nil else {
            self.database = database ?? ""
            self.agenda = agenda ?? ""
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mediatheque-demo-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        demoFolder = folder
        StopCleanUp.shared.add(folder.path)
        do {
            (self.database, self.agenda) = try DemoData(siteDirectory: site, today: today).materialize(into: folder)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            StopCleanUp.shared.forget(folder.path)
            throw error
        }
    }

    func cleanUp() {
        guard let demoFolder else { return }
        try? FileManager.default.removeItem(at: demoFolder)
        StopCleanUp.shared.forget(demoFolder.path)
    }
}
