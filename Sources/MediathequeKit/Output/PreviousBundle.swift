import CSupport
import Foundation

/// The bundle a build replaced, kept beside the published one (`<out>.previous`, never
/// published) as the next build's starting point: most of its patron folders are already
/// what that build keeps, so a rebuild neither links nor removes their files.
///
/// It is renamed into the staging folder, everything but its patron folders is removed,
/// and each patron folder is then left as it is (``holds(_:token:as:)``), emptied before
/// it is written again (``clear(_:)``), or removed when nobody has it any more
/// (``removeLeftovers()``).
final class PreviousBundle: @unchecked Sendable {
    /// What it is named, after the published bundle's name.
    static let suffix = ".previous"
    /// The staging folder it became.
    private let root: String
    private let manifest: PublishedManifest
    /// Whether its lines may be compared with the published bundle's: both were built
    /// from the same salt (``compare(with:)``).
    private var matches = false

    private init(root: String) {
        self.root = root
        manifest = PublishedManifest(publishedAt: URL(fileURLWithPath: root))
    }

    /// Renames the previous bundle of `destination` to `staging` and removes from it all but
    /// its patron folders.
    /// - Returns: `nil`, having made nothing, when there is none.
    /// - Throws: ``OutputError`` when something of it cannot be removed.
    static func take(for destination: String, as staging: String) throws -> PreviousBundle? {
        guard FileTree.isDirectory(destination + suffix), rename(destination + suffix, staging) == 0 else { return nil }
        let previous = PreviousBundle(root: staging)
        try previous.keepOnlyPatronFolders()
        return previous
    }

    /// Removes everything but the patron folders: the root files, `public/`,
    /// `private/assets/` and `private/index.html` are staged anew, from the published bundle.
    private func keepOnlyPatronFolders() throws {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for entry in entries where entry != "private" { try Self.remove(root + "/" + entry) }
        guard FileTree.isDirectory(root + "/private") else { return try Self.remove(root + "/private") }
        for entry in Self.sharedEntries { try Self.remove(root + "/private/" + entry) }
    }

    /// What `private/` holds beside the patron folders: the public site's part of it.
    private static let sharedEntries: Set<String> = ["assets", PrivateRootPage.fileName]

    /// Removes `path` and all below it, never through a link.
    /// - Throws: ``OutputError`` when anything of it is left: what the previous bundle held
    ///   there must not reach the new one.
    private static func remove(_ path: String) throws {
        guard FileTree.remove(path) else {
            throw OutputError(path: path, message: "cannot remove what the previous bundle left there")
        }
    }

    /// Tells it what the published bundle holds: a patron folder is left as it is only when
    /// both were built from the same salt. A folder's files are all rendered for the day its
    /// line names, so the same line of the same salt is the same bytes, whatever day each
    /// bundle was built for.
    func compare(with published: PublishedManifest) {
        matches = manifest.salt != nil && manifest.salt == published.salt
    }

    /// Whether the staged `folder` (the patron folder of `token`) already holds the files
    /// `kept`, the published folder's line, lists: the previous bundle had the very same line
    /// (digest, files, dates), so the same bytes; nothing needs to be linked or written.
    /// The folder must still hold every file the line lists, each a file of its own: the
    /// two bundles take turns as the starting point, and one of them may have lost a file.
    func holds(_ folder: BundlePath, token: String, as kept: BuildManifest.Folder) -> Bool {
        matches && manifest.folder(token) == kept && mq_folder_holds(root + "/" + folder.value, kept.fileList) == 1
    }

    /// Empties the staged `folder` of what was left there, before its files are linked or
    /// written: a link is never made or a file written over an old one.
    /// - Throws: ``OutputError`` when something of it cannot be removed.
    func clear(_ folder: BundlePath) throws {
        try Self.remove(root + "/" + folder.value)
    }

    /// Removes the patron folders that this build did not record (patrons gone, tokens
    /// revoked). Call it once the build's manifest is written.
    /// - Throws: ``OutputError`` when one of them cannot be removed.
    func removeLeftovers() throws {
        let folders = root + "/private"
        // Removed on all cores, then each checked gone.
        for path in Self.removeUnrecorded(in: folders, by: PublishedManifest(publishedAt: URL(fileURLWithPath: root))) {
            try Self.remove(path)
        }
        rmdir(folders) // a build with no patron folder and no assets has none
    }

    /// Keeps the bundle at `replaced`, just swapped out, as the previous bundle of
    /// `destination`, less the patron folders the new one no longer has: a revoked link's
    /// folder is gone from the disk once the bundle without it is published.
    static func keep(_ replaced: String, for destination: URL) {
        let previous = destination.path + suffix
        if rename(replaced, previous) != 0 {
            // Another build's starting point was left there: this one is the newer.
            FileTree.removeBundle(URL(fileURLWithPath: previous))
            guard rename(replaced, previous) == 0 else { return FileTree.removeBundle(URL(fileURLWithPath: replaced)) }
        }
        _ = removeUnrecorded(in: previous + "/private", by: PublishedManifest(publishedAt: destination))
    }

    /// Removes the entries of a `private/` folder that are neither a folder `recorded` lists
    /// nor the public site's; returns their paths.
    private static func removeUnrecorded(in folders: String, by recorded: PublishedManifest) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folders)) ?? []
        let gone = names.filter { !sharedEntries.contains($0) && !recorded.contains($0) }.map { folders + "/" + $0 }
        FileTree.removeAll(gone)
        return gone
    }
}
