import ArgumentParser
import Foundation
import MediathequeKit
import MediathequeServe

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the bundle as build does, then serve it on 127.0.0.1 as production does, for a preview.",
        discussion: """
            public/ is served at /, private/ under the path of private_base_url (site.conf), with the headers, \
            precompressed files and 404 page of the configurations in deploy/. With --watch, the bundle is rebuilt \
            when the templates, the site folder or the inputs change, and the open pages reload; a build that fails \
            leaves the last good bundle served. For a preview only: docs/deploy.md says how to publish.
            """)

    @OptionGroup var options: BuildOptions

    @Flag(help: "Serve the bundle already in --out, without building it first.")
    var noBuild = false

    @Option(help: "The port to listen on, on 127.0.0.1.")
    var port = 8080

    @Flag(help: "Rebuild when the templates, the site folder or the inputs change, and reload the open pages.")
    var watch = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535, got \(port)") }
    }

    func run() throws {
        try reportingFailures {
            let privatePath = try SiteConfiguration.load(from: URL(fileURLWithPath: options.input.site)).privatePath
            guard privatePath != "/" else {
                throw fail(["private_base_url's path is /: serve maps private/ under that path, apart from public/; "
                            + "give it a path (/espace/) to preview the patrons' folders"])
            }
            let bundle = URL(fileURLWithPath: options.out)
            if noBuild {
                guard FileManager.default.fileExists(atPath: bundle.appendingPathComponent("public/index.html").path) else {
                    throw fail(["\(options.out) holds no bundle: build one, or serve without --no-build"])
                }
            } else {
                say(String(describing: try options.build()))
            }
            let server = PreviewServer(bundle: bundle, privatePath: privatePath, port: port,
                                       watch: watch ? PreviewServer.Watch(paths: watchedPaths, rebuild: rebuild) : nil)
            let command = self
            try waitFor { try await server.run { address in command.started(at: address, privatePath: privatePath) } }
            say("Stopped.")
        }
    }

    /// The build's inputs: templates, the site folder (its demo data too), database and feed.
    private var watchedPaths: [String] {
        [options.input.templates, options.input.site] + [options.input.database, options.input.database.map { $0 + "-wal" }, options.input.agenda].compactMap { $0 }
    }

    private var rebuild: @Sendable () -> Bool {
        let options = self.options
        return {
            say("Rebuilding…")
            do {
                say(String(describing: try options.build()))
                return true
            } catch {
                _ = fail(describe(error) + ["the last good bundle is still served"])
                return false
            }
        }
    }

    private func started(at address: String, privatePath: String) {
        var lines = ["Serving \(options.out) at \(address)/ (Ctrl-C stops)"]
        let privateFolder = URL(fileURLWithPath: options.out).appendingPathComponent("private")
        // A demo patron's folder, to open: the demo's tokens are no secret. Only for a demo this
        // command built: a bundle taken as it is (--no-build) may be a real one, its links keys.
        if !noBuild, options.input.database == nil, let token = (try? FileManager.default.contentsOfDirectory(atPath: privateFolder.path))?
            .sorted().first(where: { $0.count == 32 && $0.allSatisfy(\.isHexDigit) }) {
            lines.append("A demo patron's folder: \(address)\(privatePath)\(token)/")
        }
        if watch { lines.append("Watching \(watchedPaths.joined(separator: ", ")) for changes") }
        say(lines.joined(separator: "\n"))
    }
}

/// Runs `work` to its end on Swift's concurrency pool while this thread waits. The command
/// stays synchronous: an asynchronous one runs on a pool thread made before ``StopCleanUp``
/// could block the stop signals in the main thread, and so in every thread made after it.
private func waitFor(_ work: @escaping @Sendable () async throws -> Void) throws {
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var outcome: Result<Void, any Error> = .success(())
    Task.detached {
        do { try await work() } catch { outcome = .failure(error) }
        done.signal()
    }
    done.wait()
    try outcome.get()
}

/// Prints `text` on standard output at once, even into a pipe.
private func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
