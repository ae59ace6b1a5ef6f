import Foundation

/// A build's hold on `--out`: a lock beside it, and the checks that it and `<out>.previous`
/// are this tool's to replace, made before anything there is renamed or removed.
///
/// `--out` and `<out>.previous` may each be missing, an empty folder, or a bundle this tool
/// wrote (a folder holding its manifest). Anything else is refused: a user's folder (renamed
/// away, then deleted by the next build), and a symbolic link, which is refused rather than
/// resolved, since the tool renames what sits at that path and would swap a link for a folder.
/// The lock is `flock` on `<out>.lock`: a second build on the same `--out` is refused at once
/// rather than left to race the first, the last to finish winning. The kernel drops the lock
/// when the build's process ends, however it ends.
public final class OutputClaim: Sendable {
    public let lockPath: String
    private let descriptor: Int32

    /// Takes the lock and checks both folders.
    /// - Throws: ``OutputError`` naming the folder and why the build cannot write there.
    public init(_ destination: URL) throws {
        let destination = destination.standardizedFileURL
        let parent = destination.deletingLastPathComponent().path
        lockPath = destination.path + ".lock"
        // Checked before the lock file is made (a refused build changes nothing), and again once locked.
        try Self.check(destination)
        if !FileManager.default.fileExists(atPath: parent) {
            try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        }
        descriptor = open(lockPath, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else {
            throw OutputError(path: lockPath, message: "cannot open the build's lock (\(String(cString: strerror(errno))))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw OutputError(path: destination.path, message: "another build is writing this bundle (it holds \(lockPath)); "
                              + "nothing was done: build again once it is finished")
        }
        do {
            try Self.check(destination)
        } catch {
            close(descriptor)
            throw error
        }
    }

    private static func check(_ destination: URL) throws {
        try check(destination.path, as: "--out")
        try check(destination.path + PreviousBundle.suffix, as: "the previous bundle")
    }

    /// Refuses `path` unless it is missing, an empty folder or a bundle (its manifest a file of its own).
    static func check(_ path: String, as role: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        switch info.st_mode & S_IFMT {
        case S_IFLNK:
            throw OutputError(path: path, message: "\(role) is a symbolic link; nothing was done: give the folder itself, "
                              + "never a link (a build renames and removes what is at this path)")
        case S_IFDIR:
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            var manifest = stat()
            let isBundle = lstat(path + "/" + BuildManifest.fileName, &manifest) == 0 && (manifest.st_mode & S_IFMT) == S_IFREG
            guard entries.isEmpty || isBundle else {
                throw OutputError(path: path, message: "\(role) is a folder that is not empty and not a bundle this tool wrote "
                                  + "(no \(BuildManifest.fileName)); nothing was done: give a new or empty folder")
            }
        default:
            throw OutputError(path: path, message: "\(role) is a file, not a folder; nothing was done")
        }
    }

    deinit { close(descriptor) }
}
