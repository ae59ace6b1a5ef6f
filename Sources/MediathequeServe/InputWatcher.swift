import Foundation
import ServiceLifecycle

/// Rebuilds the bundle when one of the build's inputs changes (`serve --watch`): it polls
/// the modification time, size and inode of every file under the watched paths, and after a
/// change runs ``rebuild`` on a thread of its own; the open pages reload when a bundle was
/// swapped in. A stop waits for a build under way to end (swapped in or abandoned).
struct InputWatcher: Service {
    /// Files and folders (walked whole) whose change calls for a rebuild.
    let paths: [String]
    /// Builds into the served folder; true when a new bundle was swapped in.
    let rebuild: @Sendable () -> Bool
    let reload: LiveReload
    /// Between two looks at the inputs.
    static let interval = Duration.milliseconds(250)

    func run() async throws {
        var seen = Self.state(of: paths)
        while !Task.isShuttingDownGracefully {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: Self.interval) }
            let now = Self.state(of: paths)
            guard now != seen, !Task.isShuttingDownGracefully else { continue }
            // An editor may write a file in steps: take the inputs once they hold still.
            seen = now
            while !Task.isShuttingDownGracefully {
                try? await Task.sleep(for: Self.interval)
                let later = Self.state(of: paths)
                if later == seen { break }
                seen = later
            }
            let rebuild = self.rebuild
            let swapped = await withCheckedContinuation { done in Thread { done.resume(returning: rebuild()) }.start() }
            if swapped { await reload.bundleChanged() }
        }
    }

    /// Each file under `paths` with what tells a change.
    static func state(of paths: [String]) -> [String: [Int]] {
        var state: [String: [Int]] = [:]
        for path in paths {
            look(at: path, into: &state)
        }
        return state
    }

    private static func look(at path: String, into state: inout [String: [Int]]) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        if status.st_mode & S_IFMT == S_IFDIR {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                look(at: path + "/" + name, into: &state)
            }
        } else {
            state[path] = [Int(status.st_mtim.tv_sec), Int(status.st_mtim.tv_nsec), Int(status.st_size), Int(status.st_ino)]
        }
    }
}
