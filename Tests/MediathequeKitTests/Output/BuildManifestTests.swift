import Foundation
import Testing
@testable import MediathequeKit

struct BuildManifestTests {
    static let day = Day(iso: "2026-11-25")!

    /// Writes a manifest with `count` folders (one of them with a very long file list) into `dir`.
    func write(_ dir: TemporaryDirectory, count: Int) throws -> [String: BuildManifest.Folder] {
        let writer = try ManifestWriter(path: dir.path(BuildManifest.fileName), header: ("cafe", Self.day))
        writer.recordPublicSite(.init(digest: "p0", files: ["public/index.html", "private/assets/style.css"],
                                      renderedOn: Self.day, changesOn: nil))
        var folders: [String: BuildManifest.Folder] = [:]
        // Out of order, as workers finish: the file still lists them in order.
        for position in (0..<count).reversed() {
            let token = String(format: "%032x", position * 7919)
            let files = position == 3 ? (0..<900).map { "favoris/\($0).html" } : ["index.html", "prets.html"]
            // Some folders change on a later day, some never do; some kept their summary from an earlier day.
            let renderedOn = Self.day.adding(days: -position % 5)
            let folder = BuildManifest.Folder(digest: "d\(position)", files: files, renderedOn: renderedOn,
                                              changesOn: position % 3 == 0 ? nil : Self.day.adding(days: position),
                                              summary: .init(digest: "s\(position)", renderedOn: renderedOn.adding(days: -position % 2),
                                                             changesOn: position % 4 == 0 ? nil : Self.day.adding(days: position + 1)))
            folders[token] = folder
            writer.record(position: position, token: token, folder: folder)
        }
        try writer.finish()
        return folders
    }

    @Test func everyPartIsFoundWhereItWasWritten() throws {
        let dir = try TemporaryDirectory()
        let folders = try write(dir, count: 300)
        let manifest = PublishedManifest(publishedAt: dir.url)
        #expect(manifest.salt == "cafe")
        for (token, folder) in folders { #expect(manifest.folder(token) == folder) }
        #expect(manifest.folder(BuildManifest.publicSite)?.files == ["public/index.html", "private/assets/style.css"])
        #expect(manifest.folder(String(repeating: "f", count: 32)) == nil)
        #expect(manifest.folder("") == nil)
        for token in folders.keys {
            #expect(manifest.contains(token) && !manifest.contains(String(token.dropLast())) && !manifest.contains(token + "0"))
        }
        #expect(manifest.contains(BuildManifest.publicSite) && !manifest.contains(String(repeating: "f", count: 32)) && !manifest.contains(""))
        let lines = try String(contentsOfFile: dir.path(BuildManifest.fileName), encoding: .utf8).split(separator: "\n")
        #expect(lines[4].hasPrefix(String(format: "%032x", 0)) && lines[5].hasPrefix(String(format: "%032x", 7919)))
    }

    @Test func aFolderIsCurrentFromTheDayItWasRenderedForUntilItChanges() {
        let folder = BuildManifest.Folder(digest: "d", files: ["index.html"], renderedOn: Self.day, changesOn: Self.day.adding(days: 3))
        #expect(!folder.isCurrent(on: Self.day.adding(days: -1)))
        #expect(folder.isCurrent(on: Self.day) && folder.isCurrent(on: Self.day.adding(days: 2)))
        #expect(!folder.isCurrent(on: Self.day.adding(days: 3)))
        let forever = BuildManifest.Folder(digest: "d", files: ["index.html"], renderedOn: Self.day, changesOn: nil)
        #expect(forever.isCurrent(on: Self.day.adding(days: 4000)))
    }

    @Test func aLineWithADamagedDayIsNotKept() throws {
        let dir = try TemporaryDirectory()
        _ = try dir.write(BuildManifest.fileName, BuildManifest.header(salt: "s", date: Self.day)
            + "aa\td\tr\tindex.html\t2026-11-25\t2026-12-0\t-\t-\t-\t-\t-\n" + "bb\td\tr\tindex.html\t2026-11-2\t-\t-\t-\t-\t-\t-\n"
            + "cc\td\t-\tindex.html\t2026-11-25\t-\t-\t-\t-\t-\t-\n"
            + "dd\td\tr\tindex.html\t2026-11-25\t2026-12-01\t2026-11-22\t2026-11-30\ts\t2026-11-20\t-\n"
            + "ee\td\tr\tindex.html\t2026-11-25\t-\t-\t-\ts\t2026-11-2\t-\n" + "ff\td\tr\tindex.html\t2026-11-25\t-\t-\t-\ts\t2026-11-20\t20261201\n"
            + "gg\td\tr\tindex.html\t2026-11-25\t-\n" + "hh\td\tr\tindex.html\t2026-11-25\t-\t2026-11-2\t-\t-\t-\t-\n"
            + "ii\td\tr\tindex.html\t2026-11-25\t-\t2026-11-22\t2026-1130\t-\t-\t-\n"
            + "jj\td\tr\tindex.html\t2026-11-25\t2026-12-01\ts\t2026-11-20\t-\n")
        let manifest = PublishedManifest(publishedAt: dir.url)
        #expect(manifest.folder("aa") == nil && manifest.folder("bb") == nil)
        #expect(manifest.folder("cc")?.changesOn == nil && manifest.folder("cc") != nil && manifest.folder("cc")?.summary == nil
                && manifest.folder("cc")?.searches == nil && manifest.folder("cc")?.rowsDigest == nil)
        #expect(manifest.folder("dd")?.changesOn == Day(iso: "2026-12-01") && manifest.folder("dd")?.rowsDigest == "r")
        #expect(manifest.folder("dd")?.searches == .init(renderedOn: Day(iso: "2026-11-22")!, changesOn: Day(iso: "2026-11-30")))
        #expect(manifest.folder("dd")?.summary == .init(digest: "s", renderedOn: Day(iso: "2026-11-20")!, changesOn: nil))
        // A damaged summary or searches day, or a line of an earlier version, is none.
        #expect(manifest.folder("ee") == nil && manifest.folder("ff") == nil && manifest.folder("gg") == nil)
        #expect(manifest.folder("hh") == nil && manifest.folder("ii") == nil && manifest.folder("jj") == nil)
    }

    @Test func anotherVersionOrNoManifestIsEmpty() throws {
        let dir = try TemporaryDirectory()
        #expect(PublishedManifest(publishedAt: dir.url).folder(BuildManifest.publicSite) == nil)
        _ = try dir.write(BuildManifest.fileName, "# mediatheque build manifest 3: token\n# salt s\nabc\td\tindex.html\n")
        let old = PublishedManifest(publishedAt: dir.url)
        #expect(old.folder("abc") == nil && old.salt == nil)
    }

    @Test func workWaitsForTheOldestUnfinishedFolder() throws {
        let dir = try TemporaryDirectory()
        let writer = try ManifestWriter(path: dir.path(BuildManifest.fileName), header: ("s", Self.day))
        let ahead = ManifestWriter.window
        let released = DispatchSemaphore(value: 0)
        Thread {
            writer.waitForRoom(position: ahead) // waits: position 0 is not done
            released.signal()
        }.start()
        #expect(released.wait(timeout: .now() + 0.2) == .timedOut)
        writer.record(position: 0, token: "a", folder: .init(digest: "d", files: ["index.html"], renderedOn: Self.day, changesOn: nil))
        #expect(released.wait(timeout: .now() + 5) == .success)
        writer.abandon()
        writer.waitForRoom(position: 10 * ahead) // abandoned: returns at once
        try writer.finish()
    }
}
