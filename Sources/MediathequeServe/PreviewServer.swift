import Foundation
import Hummingbird
import Logging
import MediathequeKit
import NIOCore
import ServiceLifecycle

/// `mediatheque serve`: a bundle served on 127.0.0.1 as production serves it, for a preview
/// (docs/deploy.md: a real web server publishes it), and with ``Watch`` rebuilt as its
/// inputs change, the open pages reloading.
public struct PreviewServer: Sendable {
    /// What `--watch` adds: the inputs to watch and how to rebuild.
    public struct Watch: Sendable {
        public var paths: [String]
        /// Builds into the served folder, saying what went wrong itself; true when a bundle was swapped in.
        public var rebuild: @Sendable () -> Bool

        public init(paths: [String], rebuild: @escaping @Sendable () -> Bool) {
            self.paths = paths
            self.rebuild = rebuild
        }
    }

    public var bundle: URL
    /// The path of `private_base_url`, both slashes (`/espace/`).
    public var privatePath: String
    public var port: Int
    public var watch: Watch?

    public init(bundle: URL, privatePath: String, port: Int, watch: Watch?) {
        self.bundle = bundle
        self.privatePath = privatePath
        self.port = port
        self.watch = watch
    }

    /// Serves until SIGINT or SIGTERM, then stops gracefully: open requests are answered,
    /// a rebuild under way ends.
    /// - Parameter started: told the server's address once it listens.
    /// - Throws: ``PreviewServerError`` when the port cannot be listened on.
    public func run(started: @escaping @Sendable (String) -> Void) async throws {
        var logger = Logger(label: "mediatheque-serve")
        logger.logLevel = .error
        let reload = watch.map { _ in LiveReload() }
        let responder = BundleResponder(bundle: bundle.standardizedFileURL.path, privatePath: privatePath, reload: reload)
        let address = "http://127.0.0.1:\(port)"
        let app = Application(responder: responder,
                              configuration: .init(address: .hostname("127.0.0.1", port: port)),
                              onServerRunning: { _ in started(address) }, logger: logger)
        var services: [any Service] = [app]
        if let watch, let reload {
            services += [LiveReloadService(reload: reload), InputWatcher(paths: watch.paths, rebuild: watch.rebuild, reload: reload)]
        }
        let group = ServiceGroup(configuration: .init(services: services, logger: logger))
        StopCleanUp.shared.onFirstStop { Task { await group.triggerGracefulShutdown() } }
        do {
            try await group.run()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw PreviewServerError(message: "127.0.0.1:\(port) is in use: stop what listens there, or choose another --port")
        } catch let error as IOError {
            throw PreviewServerError(message: "cannot listen on 127.0.0.1:\(port) (\(error))")
        }
    }
}

public struct PreviewServerError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
