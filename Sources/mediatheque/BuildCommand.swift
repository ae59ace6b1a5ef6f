import ArgumentParser
import Foundation
import MediathequeKit

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the bundle (public/ and private/) into --out; without --database and --agenda, build the bundled demo.")

    @Option(help: "The account database (SQLite, schema version 1), opened read-only.")
    var database: String?

    @Option(help: "The agenda feed (XML, urn:mediatheque:agenda:1).")
    var agenda: String?

    @Option(help: "The site folder: site.conf, assets/ and demo/.")
    var site = "Site"

    @Option(help: "The Mustache templates folder.")
    var templates = "Templates"

    @Option(help: "Where the bundle is published; it is replaced whole, only when the build succeeds.")
    var out = "_site"

    @Option(help: "The reference date, YYYY-MM-DD (default: today in the site's time zone).")
    var today: String?

    @Option(help: "A file holding the site secret (else the MEDIATHEQUE_SECRET environment variable).")
    var secretFile: String?

    func validate() throws {
        if (database == nil) != (agenda == nil) {
            throw ValidationError("give both --database and --agenda, or neither to build the demo")
        }
    }

    func run() throws {
        let siteURL = URL(fileURLWithPath: site)
        let isDemo = database == nil
        do {
            let config = try SiteConfiguration.load(from: siteURL)
            let day = try referenceDay(today, timeZone: config.timeZone)
            let secret = try SiteSecret.resolve(file: secretFile, environment: ProcessInfo.processInfo.environment, isDemo: isDemo)
            var demoFolder: URL?
            defer { demoFolder.map { try? FileManager.default.removeItem(at: $0) } }
            var inputs = (database: database ?? "", agenda: agenda ?? "")
            if isDemo {
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mediatheque-demo-\(getpid())")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                demoFolder = folder
                inputs = try DemoData(siteDirectory: siteURL, today: day).materialize(into: folder)
            }
            var builder = SiteBuilder(inputs: .init(
                database: inputs.database, agenda: inputs.agenda, siteDirectory: siteURL,
                templatesDirectory: URL(fileURLWithPath: templates), output: URL(fileURLWithPath: out),
                today: day, secret: secret))
            builder.progress = { line in FileHandle.standardError.write(Data("\(line)…\n".utf8)) }
            let report = try builder.build()
            print(report)
        } catch let error as ValidationError {
            throw error
        } catch {
            throw fail(describe(error))
        }
    }
}
