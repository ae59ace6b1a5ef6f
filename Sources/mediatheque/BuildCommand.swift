import ArgumentParser
import Foundation
import MediathequeKit

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the bundle (public/ and private/) into --out; without --database and --agenda, build the bundled demo.")

    @OptionGroup var options: BuildOptions

    func run() throws {
        try reportingFailures {
            print(try options.build())
        }
    }
}
