import Foundation

/// Writes the manifest into the staging folder as the parts are done, in the order
/// they were handed out (patron folders finish out of order on several threads): the
/// manifest is never held whole in memory. A rebuild lists the folders it kept, then
/// those it rendered, each in card order.
final class ManifestWriter: @unchecked Sendable {
    private let lock = NSCondition()
    private let file: UnsafeMutablePointer<FILE>
    let path: String
    /// Lines that finished before an earlier one, by position; at most `window` of them.
    private var waiting: [Int: String] = [:]
    private var next = 0
    private var closed = false
    private var abandoned = false
    /// How far ahead of the oldest unfinished folder work may be handed out.
    static let window = 512

    /// - Parameter header: the build's salt and date, for the header; `nil` for a part
    ///   written apart (``append(_:)``), with no header.
    init(path: String, header: (salt: String, date: Day)?) throws {
        // A new file, never one opened for writing in place: a file of the staging folder may
        // be a link to a published one.
        let fd = FileTree.openNew(path, .group)
        guard fd >= 0, let file = fdopen(fd, "w") else {
            let reason = String(cString: strerror(errno))
            if fd >= 0 { close(fd) }
            throw OutputError(path: path, message: "cannot write (\(reason))")
        }
        self.file = file
        self.path = path
        if let header { fputs(BuildManifest.header(salt: header.salt, date: header.date), file) }
    }

    /// Writes the public site's line (before any patron folder).
    func recordPublicSite(_ folder: BuildManifest.Folder) {
        lock.lock()
        fputs(folder.line(BuildManifest.publicSite), file)
        lock.unlock()
    }

    /// Records the patron folder read at `position` (0, 1, 2… in reading order).
    func record(position: Int, token: String, folder: BuildManifest.Folder) {
        lock.lock()
        defer { lock.unlock() }
        waiting[position] = folder.line(token)
        flush()
    }

    private func flush() {
        while let line = waiting.removeValue(forKey: next) {
            fputs(line, file)
            next += 1
        }
        lock.broadcast()
    }

    /// Waits until the folder at `position` may be handed out: one slow folder (say, the
    /// one that builds the catalogue index) must not let finished lines pile up behind it.
    func waitForRoom(position: Int) {
        lock.lock()
        defer { lock.unlock() }
        while position - next >= Self.window && !abandoned { lock.wait() }
    }

    /// A worker failed: nobody waits for room any more.
    func abandon() {
        lock.lock()
        abandoned = true
        lock.broadcast()
        lock.unlock()
    }

    /// Notes that the part read at `position` has no line (it is recorded later, at another position).
    func skip(position: Int) {
        lock.lock()
        defer { lock.unlock() }
        waiting[position] = ""
        flush()
    }

    /// Closes `part` and adds its lines after those written so far, then removes its file.
    func append(_ part: ManifestWriter) throws {
        try part.finish()
        defer { unlink(part.path) }
        guard let source = fopen(part.path, "rb") else {
            throw OutputError(path: part.path, message: "cannot read (\(String(cString: strerror(errno))))")
        }
        defer { fclose(source) }
        lock.lock()
        defer { lock.unlock() }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = fread(&buffer, 1, buffer.count, source)
            if count > 0 { fwrite(buffer, 1, count, file) }
            if count < buffer.count { break }
        }
    }

    /// Closes the file.
    /// - Throws: ``OutputError`` when a line could not be written.
    func finish() throws {
        lock.lock()
        defer { lock.unlock() }
        let failed = ferror(file) != 0 || !waiting.isEmpty
        closed = true
        if fclose(file) != 0 || failed {
            throw OutputError(path: path, message: "cannot write the build manifest")
        }
    }

    deinit { if !closed { fclose(file) } }
}
