import ArgumentParser
import Foundation
import MediathequeKit

@main
struct Mediatheque: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mediatheque",
        abstract: "Builds the static bundle of a library network: the public agenda site and every patron's private folder.",
        subcommands: [Build.self, Check.self, Generate.self, Link.self],
        defaultSubcommand: Build.self
    )
}

/// Prints each line on standard error and exits with `code`: the one way the command fails.
func fail(_ lines: [String], code: Int32 = 1) -> ExitCode {
    for line in lines { FileHandle.standardError.write(Data("mediatheque: \(line)\n".utf8)) }
    return ExitCode(code)
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
