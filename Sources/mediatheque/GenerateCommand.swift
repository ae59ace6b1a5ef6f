import ArgumentParser
import Foundation
import MediathequeKit

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a network of N patrons (accounts.sqlite and agenda.xml), deterministically, for benchmarks and scale tests.")

    @Option(help: "Number of patrons (documents and items: 10 per patron; events: one per hundred patrons).")
    var patrons: Int

    @Option(help: "Seed of the generator: the same seed gives the same data.")
    var seed: UInt64 = 42

    @Option(help: "Reference date the data is relative to, YYYY-MM-DD (default: today).")
    var today: String?

    @Option(help: "Folder to write accounts.sqlite and agenda.xml into.")
    var out: String

    @Flag(help: "Give every patron one or two followed searches more (catalogue and agenda, every frequency), for the e-mail alerts.")
    var followedSearches = false

    func validate() throws {
        guard patrons > 0 else { throw ValidationError("--patrons must be at least 1") }
    }

    func run() throws {
        try reportingFailures {
            let day = try referenceDay(today, timeZone: "Europe/Paris")
            let folder = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var generator = DemoGenerator(patrons: patrons, seed: seed, today: day)
            generator.followedSearches = followedSearches
            let files = try generator.writeNetwork(into: folder)
            print("\(files.database)\n\(files.agenda)")
        }
    }
}
