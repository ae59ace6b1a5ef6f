import CSupport
import Foundation

/// Writes a new bundle into a staging folder next to the published one and
/// swaps it in, whole, with one atomic rename.
///
/// A file whose bytes equal the published copy is hard-linked from it instead
/// of written, so it keeps its modification time (HTTP caches and calendar
/// pollers see no change) and the published bundle is never modified in place.
/// A build that fails or is killed leaves the published folder as it was; its
/// staging folder is removed by the next build.
public final class StagedBundle: @unchecked Sendable {
    /// The published bundle (`--out`).
    public let destination: URL
    /// Where this build writes.
    public let staging: URL
    private let fileManager = FileManager.default
    private let lock = NSLock()
    private var createdDirectories: Set<String> = []
    public private(set) var written = 0
    public private(set) var unchanged = 0

    public init(destination: URL) throws {
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        let name = self.destination.lastPathComponent
        staging = parent.appendingPathComponent("\(name).staging-\(getpid())")
        try Self.removeStale(in: parent, name: name)
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            if fileManager.fileExists(atPath: staging.path) { try fileManager.removeItem(at: staging) }
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw OutputError(path: staging.path, message: "cannot create the staging folder (\(AgendaFeedReader.reason(error)))")
        }
    }

    /// Removes staging and replaced folders left by builds that were killed.
    private static func removeStale(in parent: URL, name: String) throws {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for entry in entries where entry.hasPrefix("\(name).staging-") || entry.hasPrefix("\(name).replaced-") {
            let pid = Int32(entry.split(separator: "-").last ?? "") ?? 0
            if pid > 0, pid != getpid(), kill(pid, 0) == 0 { continue } // another build is running
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
        }
    }

    /// Writes one file into the staging folder (thread-safe).
    public func write(_ file: RenderedFile) throws {
        let target = staging.appendingPathComponent(file.path.value)
        let directory = target.deletingLastPathComponent().path
        lock.lock()
        let needsDirectory = createdDirectories.insert(directory).inserted
        lock.unlock()
        do {
            if needsDirectory { try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true) }
            let published = destination.appendingPathComponent(file.path.value).path
            if Self.sameBytes(atPath: published, file.bytes), link(published, target.path) == 0 {
                count(unchanged: true)
                return
            }
            try Data(file.bytes).write(to: target)
            count(unchanged: false)
        } catch {
            throw OutputError(path: target.path, message: "cannot write (\(AgendaFeedReader.reason(error)))")
        }
    }

    /// Keeps a whole folder of the published bundle as it is (every file hard-linked).
    /// - Returns: false, having kept nothing, when the published bundle has no such folder.
    public func keepFolder(_ folder: BundlePath) throws -> Bool {
        let source = destination.appendingPathComponent(folder.value)
        guard let walker = FileManager.default.enumerator(atPath: source.path) else { return false }
        var files: [String] = []
        var directories: [String] = [""]
        for case let relative as String in walker {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: source.appendingPathComponent(relative).path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue { directories.append(relative) } else { files.append(relative) }
        }
        guard !files.isEmpty else { return false }
        let target = staging.appendingPathComponent(folder.value)
        do {
            for directory in directories {
                try fileManager.createDirectory(at: target.appendingPathComponent(directory), withIntermediateDirectories: true)
            }
            for file in files {
                let from = source.appendingPathComponent(file).path, to = target.appendingPathComponent(file).path
                guard link(from, to) == 0 else {
                    throw OutputError(path: to, message: "cannot keep the published file (\(String(cString: strerror(errno))))")
                }
            }
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError(path: target.path, message: "cannot keep the published folder (\(AgendaFeedReader.reason(error)))")
        }
        lock.lock()
        unchanged += files.count
        lock.unlock()
        return true
    }

    /// Writes a file at the bundle's root, beside `public/` and `private/` (the build manifest).
    func writeRoot(_ name: String, _ bytes: [UInt8]) throws {
        do {
            try Data(bytes).write(to: staging.appendingPathComponent(name))
        } catch {
            throw OutputError(path: staging.appendingPathComponent(name).path, message: "cannot write (\(AgendaFeedReader.reason(error)))")
        }
    }

    private func count(unchanged same: Bool) {
        lock.lock()
        if same { unchanged += 1 } else { written += 1 }
        lock.unlock()
    }

    static func sameBytes(atPath path: String, _ bytes: [UInt8]) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count,
              let data = FileManager.default.contents(atPath: path) else { return false }
        return data.elementsEqual(bytes)
    }

    /// Swaps the staging folder in as the published bundle.
    /// - Throws: ``OutputError``; the published bundle is then still the previous one.
    public func commit() throws {
        let fd = open(staging.path, O_RDONLY)
        if fd >= 0 { fsync(fd); close(fd) }
        if !fileManager.fileExists(atPath: destination.path) {
            guard rename(staging.path, destination.path) == 0 else {
                throw OutputError(path: destination.path, message: "cannot move the new bundle in (\(String(cString: strerror(errno))))")
            }
            return
        }
        if mq_exchange_paths(staging.path, destination.path) == 0 {
            // `staging` now names the previous bundle.
            try? fileManager.removeItem(at: staging)
            return
        }
        // No atomic exchange on this file system: two renames, the old one kept until the new one is in.
        let replaced = destination.deletingLastPathComponent()
            .appendingPathComponent("\(destination.lastPathComponent).replaced-\(getpid())")
        guard rename(destination.path, replaced.path) == 0 else {
            throw OutputError(path: destination.path, message: "cannot replace the bundle (\(String(cString: strerror(errno))))")
        }
        guard rename(staging.path, destination.path) == 0 else {
            let cause = String(cString: strerror(errno))
            _ = rename(replaced.path, destination.path)
            throw OutputError(path: destination.path, message: "cannot move the new bundle in (\(cause))")
        }
        try? fileManager.removeItem(at: replaced)
    }

    /// Throws the staging folder away; the published bundle is untouched.
    public func abandon() {
        try? fileManager.removeItem(at: staging)
    }
}
