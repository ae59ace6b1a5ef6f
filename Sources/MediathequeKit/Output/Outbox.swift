import CSupport
import Foundation

/// The folder the e-mail alerts wait in: one batch folder per reference day, written like the
/// bundle (staged, then swapped in whole), and the states a message goes through when sent.
///
/// ```
/// <outbox>/2026-12-07/<id>.eml           to send (with <id>.error beside it after a failure)
/// <outbox>/2026-12-07/sending/<id>.eml   handed to the mail command, outcome unknown
/// <outbox>/2026-12-07/sent/<id>.eml      accepted by the mail command
/// ```
///
/// `alerts` and `send` take the outbox's lock (`<outbox>/.lock`) while they change it: a
/// batch is never replaced while it is being sent, and two `send`s never run at once.
public struct Outbox: Sendable {
    public let root: URL
    public static let sendingFolder = "sending"
    public static let sentFolder = "sent"
    public static let messageExtension = "eml"
    public static let errorExtension = "error"

    public init(root: URL) { self.root = root.standardizedFileURL }

    public func batch(_ day: Day) -> URL { root.appendingPathComponent(day.iso, isDirectory: true) }

    /// The batch folders, oldest day first.
    public func batches() throws -> [URL] {
        guard FileManager.default.fileExists(atPath: root.path) else { return [] }
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path)
        return names.filter { Day(iso: $0) != nil }.sorted().map { root.appendingPathComponent($0, isDirectory: true) }
    }

    /// The `.eml` files directly in `folder`, by name.
    public static func messages(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix("." + messageExtension) && !$0.hasPrefix(".") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    /// Takes the outbox's lock, creating the outbox if needed; released when the value is released.
    /// - Throws: ``OutputError`` when another `alerts` or `send` still holds it after five seconds.
    func lock() throws -> Lock {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let path = root.appendingPathComponent(".lock").path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw OutputError(path: path, message: "cannot open the outbox's lock (\(String(cString: strerror(errno))))") }
        // A few seconds' grace: a run that is just finishing, or a child process another thread
        // forked (it shares the lock's file until it execs), lets go of it soon.
        var attempts = 0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 && attempts < 100 {
            attempts += 1
            usleep(50_000)
        }
        guard attempts < 100 else {
            close(fd)
            throw OutputError(path: root.path, message: "another 'mediatheque alerts' or 'send' is using this outbox; try again when it is done")
        }
        return Lock(fd: fd)
    }

    final class Lock {
        private let fd: Int32
        init(fd: Int32) { self.fd = fd }
        deinit { close(fd) }
    }

    /// Refuses an outbox inside a bundle (a folder holding `build-manifest.tsv`, or below one):
    /// messages are never published with `public/` or served with `private/`.
    func checkOutsideBundles() throws {
        var folder = root
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(BuildManifest.fileName).path) {
                throw OutputError(path: root.path, message: "is inside the bundle \(folder.path): put the outbox outside any bundle")
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return }
            folder = parent
        }
    }

    /// Makes `path` durable: its directory entry is on disk once this returns.
    static func sync(_ path: String) {
        let fd = open(path, O_RDONLY)
        if fd >= 0 { fsync(fd); close(fd) }
    }
}

/// Writes one day's batch of messages into a staging folder of the outbox, and swaps it in
/// whole with ``commit()``: a failed or killed run leaves the outbox as it was.
public final class OutboxWriter {
    public let outbox: Outbox
    public let day: Day
    private let staging: URL
    /// Messages written so far.
    public private(set) var count = 0

    /// - Throws: ``OutputError`` when the outbox is inside a bundle or the staging folder cannot be made.
    public init(outbox: Outbox, day: Day) throws {
        self.outbox = outbox
        self.day = day
        try outbox.checkOutsideBundles()
        staging = outbox.root.appendingPathComponent(".\(day.iso).staging-\(getpid())", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: outbox.root, withIntermediateDirectories: true)
            _ = mq_remove_tree(staging.path)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw OutputError(path: staging.path, message: "cannot create the staging folder (\(error.localizedDescription))")
        }
    }

    /// Writes one message as `<name>.eml`.
    public func add(name: String, bytes: [UInt8]) throws {
        let url = staging.appendingPathComponent("\(name).\(Outbox.messageExtension)")
        guard FileManager.default.createFile(atPath: url.path, contents: Data(bytes)) else {
            throw OutputError(path: url.path, message: "cannot write the message")
        }
        count += 1
    }

    /// Swaps the batch in. A batch of the same day is replaced only while none of its messages
    /// has been handed to the mail command: otherwise they could be sent twice.
    /// - Throws: ``OutputError``; the outbox is then as it was.
    public func commit() throws {
        let lock = try outbox.lock()
        defer { withExtendedLifetime(lock) {} }
        let batch = outbox.batch(day)
        Outbox.sync(staging.path)
        guard FileManager.default.fileExists(atPath: batch.path) else {
            guard rename(staging.path, batch.path) == 0 else { throw failure(batch, "cannot move the batch in") }
            return Outbox.sync(outbox.root.path)
        }
        for folder in [Outbox.sendingFolder, Outbox.sentFolder]
        where !Outbox.messages(in: batch.appendingPathComponent(folder)).isEmpty {
            abandon()
            throw OutputError(path: batch.path, message: "its messages are being sent or were sent: remove the folder to prepare this day again")
        }
        if mq_exchange_paths(staging.path, batch.path) == 0 {
            // `staging` now names the batch replaced, of which nothing was sent.
            _ = mq_remove_tree(staging.path)
        } else {
            // No atomic exchange on this file system: two renames, the old batch kept until the new one is in.
            let replaced = outbox.root.appendingPathComponent(".\(day.iso).replaced-\(getpid())")
            guard rename(batch.path, replaced.path) == 0 else { throw failure(batch, "cannot replace the batch") }
            guard rename(staging.path, batch.path) == 0 else {
                let error = failure(batch, "cannot move the batch in")
                _ = rename(replaced.path, batch.path)
                throw error
            }
            _ = mq_remove_tree(replaced.path)
        }
        Outbox.sync(outbox.root.path)
    }

    /// Removes the staging folder.
    public func abandon() { _ = mq_remove_tree(staging.path) }

    private func failure(_ batch: URL, _ what: String) -> OutputError {
        let cause = String(cString: strerror(errno))
        abandon()
        return OutputError(path: batch.path, message: "\(what) (\(cause))")
    }
}
