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
///
/// The staging folder starts as the bundle the published one replaced, when there is one
/// (``PreviousBundle``), and the bundle it replaces becomes the next one's.
public final class StagedBundle: @unchecked Sendable {
    /// The published bundle (`--out`).
    public let destination: URL
    /// Where this build writes.
    public let staging: URL
    /// `staging` and `destination` as paths, for the file-by-file and folder-by-folder work
    /// (bundle paths are relative and checked, ``BundlePath``: joined as text, no URL parsing).
    private let stagingPath: String
    private let destinationPath: String
    private let fileManager = FileManager.default
    private let lock = NSLock()
    public private(set) var written = 0
    public private(set) var unchanged = 0
    /// The bundle taken as the starting point, if there was one.
    private let previous: PreviousBundle?

    public init(destination: URL) throws {
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        let name = self.destination.lastPathComponent
        staging = parent.appendingPathComponent("\(name).staging-\(getpid())")
        stagingPath = staging.path
        destinationPath = self.destination.path
        try Self.removeStale(in: parent, name: name)
        StopCleanUp.shared.add(stagingPath)
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            if fileManager.fileExists(atPath: staging.path) { try fileManager.removeItem(at: staging) }
            previous = try PreviousBundle.take(for: destinationPath, as: stagingPath)
            if previous == nil { try fileManager.createDirectory(at: staging, withIntermediateDirectories: false) }
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError(path: staging.path, message: "cannot create the staging folder (\(AgendaFeedReader.reason(error)))")
        }
    }

    /// Tells the staging folder what the published bundle holds (``PreviousBundle/compare(with:)``).
    func compareBase(with published: PublishedManifest) {
        previous?.compare(with: published)
    }

    /// Whether the staged `folder` already holds what the published folder's line `kept`
    /// lists (``PreviousBundle/holds(_:token:as:)``); its files then count as unchanged.
    func holds(_ folder: BundlePath, token: String, as kept: BuildManifest.Folder) -> Bool {
        guard let previous, previous.holds(folder, token: token, as: kept) else { return false }
        let files = kept.fileList.utf8.reduce(1) { $1 == UInt8(ascii: "|") ? $0 + 1 : $0 }
        lock.lock()
        unchanged += files
        lock.unlock()
        return true
    }

    /// Empties the staged `folder` of what the previous bundle left there (``PreviousBundle/clear(_:)``).
    /// - Throws: ``OutputError`` when something of it cannot be removed.
    func clear(_ folder: BundlePath) throws {
        try previous?.clear(folder)
    }

    /// Removes the patron folders of the previous bundle that this build did not record
    /// (``PreviousBundle/removeLeftovers()``). Call it once the manifest is written.
    /// - Throws: ``OutputError`` when one of them cannot be removed.
    func removeLeftovers() throws {
        try previous?.removeLeftovers()
    }

    /// Where a build bound for `destination` keeps its copy of the database (``DatabaseSnapshot``):
    /// beside the bundle, on the disk that holds it, and removed with the staging folders.
    public static func snapshotPath(for destination: URL) -> String {
        let destination = destination.standardizedFileURL
        return destination.deletingLastPathComponent()
            .appendingPathComponent("\(destination.lastPathComponent).accounts-\(getpid())").path
    }

    /// Removes staging and replaced folders, and database copies, left by builds that were killed.
    private static func removeStale(in parent: URL, name: String) throws {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        let ownCopy = URL(fileURLWithPath: snapshotPath(for: parent.appendingPathComponent(name))).lastPathComponent
        for entry in entries where entry != ownCopy
            && ["staging-", "replaced-", "accounts-"].contains(where: { entry.hasPrefix("\(name).\($0)") }) {
            let pid = Int32(entry.split(separator: "-").last ?? "") ?? 0
            if pid > 0, pid != getpid(), kill(pid, 0) == 0 { continue } // another build is running
            FileTree.removeBundle(parent.appendingPathComponent(entry))
        }
    }

    /// Writes one file into the staging folder (thread-safe), and its ``Precompressed`` sibling.
    public func write(_ file: RenderedFile) throws {
        let target = stagingPath + "/" + file.path.value
        let access = FileTree.Access(bundlePath: file.path.value)
        do {
            if let slash = file.path.value.lastIndex(of: "/") {
                // mkdir is cheaper than remembering every folder made (memory would grow with the network).
                try FileTree.makeFolder(stagingPath + "/" + file.path.value[..<slash], access)
            }
            let published = destinationPath + "/" + file.path.value
            let unchanged = FileTree.holds(published, file.bytes, access) && link(published, target) == 0
            if !unchanged { try FileTree.create(target, file.bytes, access) }
            count(unchanged: unchanged)
            if Precompressed.wants(file) { try writeSibling(of: file, at: target, unchanged ? published : nil, access) }
        } catch {
            let reason = (error as? FileTree.POSIXFailure)?.description ?? AgendaFeedReader.reason(error)
            throw OutputError(path: target, message: "cannot write (\(reason))")
        }
    }

    /// Takes into the bundle the files another program wrote into the staged `folder`
    /// (Pagefind's index): each is written again as the build writes its own (``write(_:)``),
    /// so it is linked from the published bundle when its bytes are the same, given the
    /// bundle's permissions, and its ``Precompressed`` sibling.
    /// - Returns: the paths of its files and siblings, from the bundle's root, sorted.
    func adopt(_ folder: BundlePath) throws -> [String] {
        let root = stagingPath + "/" + folder.value
        guard let walker = fileManager.enumerator(atPath: root) else {
            throw OutputError(path: root, message: "was not written")
        }
        var names: [String] = []
        while let name = walker.nextObject() as? String {
            guard walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular else { continue }
            let path = root + "/" + name
            guard let data = fileManager.contents(atPath: path), unlink(path) == 0 else {
                throw OutputError(path: path, message: "cannot read (\(String(cString: strerror(errno))))")
            }
            let file = RenderedFile(path: try BundlePath(folder.value + "/" + name), bytes: [UInt8](data))
            try write(file)
            names += Precompressed.names(file.path.value, of: file)
        }
        return names.sorted()
    }

    /// The file's `.gz` sibling: the published one when the file was (a sibling is a
    /// function of the file's bytes), else compressed and given the file's modification time.
    private func writeSibling(of file: RenderedFile, at target: String, _ published: String?, _ access: FileTree.Access) throws {
        let sibling = target + Precompressed.suffix
        if let published, link(published + Precompressed.suffix, sibling) == 0 {
            count(unchanged: true)
            return
        }
        try FileTree.create(sibling, Precompressed.gzip(file.bytes), access)
        try FileTree.copyModificationTime(from: target, to: sibling)
        count(unchanged: false)
    }

    /// Keeps a folder of the published bundle as it is: each of `files` (relative to the
    /// folder) hard-linked, never copied or rewritten, into a folder emptied of what the
    /// previous bundle left there.
    /// - Returns: false, leaving nothing of the folder staged, when a file is missing.
    public func keepFolder(_ folder: BundlePath, files: [String]) throws -> Bool {
        try clear(folder)
        return try keep(files, in: folder.value)
    }

    /// Keeps files of the published bundle, named from its root (the public site and its assets).
    /// - Returns: false, having removed what it staged, when a file is missing.
    func keepFiles(_ files: [String]) throws -> Bool {
        try keep(files, in: nil)
    }

    private func keep(_ files: [String], in folder: String?) throws -> Bool {
        guard !files.isEmpty else { return false }
        let source = folder.map { destinationPath + "/" + $0 } ?? destinationPath
        let target = folder.map { stagingPath + "/" + $0 } ?? stagingPath
        var directories = Set(files.compactMap { file in file.lastIndex(of: "/").map { String(file[..<$0]) } })
        directories.insert("")
        for directory in directories.sorted() {
            let path = directory.isEmpty ? target : target + "/" + directory
            try? FileTree.makeFolder(path, FileTree.Access(bundlePath: path.dropFirst(stagingPath.count + 1)))
        }
        // Names resolved from the two folders, not from the root: a kept folder is a dozen links.
        let from = open(source, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        let to = open(target, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if from >= 0 { close(from) }; if to >= 0 { close(to) } }
        guard from >= 0, to >= 0, files.allSatisfy({ linkat(from, $0, to, $0, 0) == 0 }) else {
            if folder == nil {
                for file in files { unlinkat(to, file, 0) }
            } else {
                mq_remove_tree(target)
            }
            return false
        }
        lock.lock()
        unchanged += files.count
        lock.unlock()
        return true
    }

    /// Where a file at the bundle's root is staged.
    func stagedRoot(_ name: String) -> String { stagingPath + "/" + name }

    /// Replaces a file staged at the bundle's root by a link to the published one when
    /// their bytes are equal, so that a build that changed nothing writes nothing.
    func linkRootIfUnchanged(_ name: String) {
        let staged = stagedRoot(name), published = destinationPath + "/" + name
        guard FileTree.sameBytes(staged, published), rename(staged, staged + ".new") == 0 else { return }
        if link(published, staged) == 0 { unlink(staged + ".new") } else { rename(staged + ".new", staged) }
    }

    private func count(unchanged same: Bool) {
        lock.lock()
        if same { unchanged += 1 } else { written += 1 }
        lock.unlock()
    }

    /// Swaps the staging folder in as the published bundle.
    /// - Throws: ``OutputError``; the published bundle is then still the previous one.
    public func commit() throws {
        // From here `staging` may name the bundle swapped out; the next build removes what a stop leaves.
        StopCleanUp.shared.forget(stagingPath)
        // As made now, though the previous bundle it started from may be older.
        chmod(stagingPath + "/private", FileTree.Access.group.folder)
        let fd = open(staging.path, O_RDONLY)
        if fd >= 0 { fsync(fd); close(fd) }
        if !fileManager.fileExists(atPath: destination.path) {
            guard rename(staging.path, destination.path) == 0 else {
                throw OutputError(path: destination.path, message: "cannot move the new bundle in (\(String(cString: strerror(errno))))")
            }
            return
        }
        if mq_exchange_paths(staging.path, destination.path) == 0 {
            // `staging` now names the bundle just replaced.
            PreviousBundle.keep(stagingPath, for: destination)
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
        PreviousBundle.keep(replaced.path, for: destination)
    }

    /// Throws the staging folder away; the published bundle is untouched.
    public func abandon() {
        FileTree.removeBundle(staging)
        StopCleanUp.shared.forget(stagingPath)
    }
}
