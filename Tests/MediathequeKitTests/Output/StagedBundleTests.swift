import Foundation
import Testing
@testable import MediathequeKit

struct StagedBundleTests {
    func file(_ path: String, _ text: String) throws -> RenderedFile { RenderedFile(path: try BundlePath(path), text: text) }

    /// Every file below `url` with its bytes, for byte-for-byte comparisons.
    static func snapshot(_ url: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: url.path) else { return [:] }
        for case let relative as String in walker {
            var isDirectory: ObjCBool = false
            let full = url.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: full)
            }
        }
        return files
    }

    @Test func pathsCannotEscapeTheBundle() {
        for bad in ["../x", "a/../../x", "/etc/passwd", "a//b", "", "a/.hidden", "a/b c", "a\\b", "private/../../x"] {
            #expect(throws: RenderError.self, "\(bad)") { try BundlePath(bad) }
        }
        #expect(throws: Never.self) { try BundlePath("private/0123abcd/favoris/7.html") }
    }

    @Test func removingTheReplacedBundleNeverFollowsALink() throws {
        let dir = try TemporaryDirectory()
        let elsewhere = dir.url.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere.appendingPathComponent("deep"), withIntermediateDirectories: true)
        _ = try dir.write("keep me", to: "elsewhere/deep/keep.txt")
        let out = dir.url.appendingPathComponent("_site")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("private"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent("public"), withDestinationURL: elsewhere)
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent("private/p"), withDestinationURL: elsewhere)
        let bundle = try StagedBundle(destination: out)
        try bundle.write(try file("public/index.html", "new"))
        try bundle.commit()
        #expect(FileManager.default.contents(atPath: elsewhere.appendingPathComponent("deep/keep.txt").path) == Data("keep me".utf8))
        #expect(Self.snapshot(out) == ["public/index.html": Data("new".utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted() == ["_site", "_site.previous", "elsewhere"])
        // The next build starts from the replaced bundle, links and all, and still follows none.
        let next = try StagedBundle(destination: out)
        try next.write(try file("public/index.html", "next"))
        try next.removeLeftovers()
        try next.commit()
        #expect(FileManager.default.contents(atPath: elsewhere.appendingPathComponent("deep/keep.txt").path) == Data("keep me".utf8))
        #expect(Self.snapshot(out) == ["public/index.html": Data("next".utf8)])
        #expect(Self.snapshot(dir.url.appendingPathComponent("_site.previous")) == ["public/index.html": Data("new".utf8)])
    }

    @Test func theNewBundleReplacesTheOldOneWhole() throws {
        let dir = try TemporaryDirectory()
        let out = dir.url.appendingPathComponent("_site")
        let first = try StagedBundle(destination: out)
        try first.write(try file("public/index.html", "one"))
        try first.write(try file("public/old.html", "old"))
        try first.commit()
        let second = try StagedBundle(destination: out)
        try second.write(try file("public/index.html", "two"))
        try second.commit()
        #expect(Self.snapshot(out) == ["public/index.html": Data("two".utf8)])
        // The replaced bundle is kept beside it, unpublished, as the next build's starting point.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted() == ["_site", "_site.previous"])
        let third = try StagedBundle(destination: out)
        try third.write(try file("public/index.html", "three"))
        try third.commit()
        #expect(Self.snapshot(out) == ["public/index.html": Data("three".utf8)])
        #expect(Self.snapshot(dir.url.appendingPathComponent("_site.previous")) == ["public/index.html": Data("two".utf8)])
    }

    /// A bundle with no patron folder has no `private/`, whatever the one it started from had.
    @Test func noPrivateFolderIsLeftEmpty() throws {
        let dir = try TemporaryDirectory()
        let out = dir.url.appendingPathComponent("_site")
        for _ in 0..<2 {
            let bundle = try StagedBundle(destination: out)
            try bundle.write(try file("private/abc/index.html", "folder"))
            try bundle.commit()
        }
        let last = try StagedBundle(destination: out)
        try last.write(try file("public/index.html", "public"))
        try last.removeLeftovers()
        try last.commit()
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["public"])
    }

    @Test func unchangedFilesKeepTheirInodeAndTime() throws {
        let dir = try TemporaryDirectory()
        let out = dir.url.appendingPathComponent("_site")
        let first = try StagedBundle(destination: out)
        try first.write(try file("public/same.ics", "same"))
        try first.write(try file("public/changed.html", "before"))
        try first.commit()
        let attributes = { (name: String) in try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(name).path) }
        let sameBefore = try attributes("public/same.ics")
        let second = try StagedBundle(destination: out)
        try second.write(try file("public/same.ics", "same"))
        try second.write(try file("public/changed.html", "after"))
        #expect(second.unchanged == 1 && second.written == 1)
        try second.commit()
        let sameAfter = try attributes("public/same.ics")
        #expect(sameAfter[.systemFileNumber] as? Int == sameBefore[.systemFileNumber] as? Int)
        #expect(sameAfter[.modificationDate] as? Date == sameBefore[.modificationDate] as? Date)
    }

    @Test func anAbandonedOrKilledBuildLeavesThePublishedBundleAsItWas() throws {
        let dir = try TemporaryDirectory()
        let out = dir.url.appendingPathComponent("_site")
        let first = try StagedBundle(destination: out)
        try first.write(try file("public/index.html", "published"))
        try first.commit()
        let before = Self.snapshot(out)

        let failing = try StagedBundle(destination: out)
        try failing.write(try file("public/index.html", "half"))
        failing.abandon()
        #expect(Self.snapshot(out) == before)

        // A build killed with -9 leaves its staging folder behind, under a pid that no longer runs.
        let orphan = dir.url.appendingPathComponent("_site.staging-999999")
        try FileManager.default.createDirectory(at: orphan.appendingPathComponent("public"), withIntermediateDirectories: true)
        try Data("half".utf8).write(to: orphan.appendingPathComponent("public/index.html"))
        #expect(Self.snapshot(out) == before)
        let next = try StagedBundle(destination: out)
        #expect(!FileManager.default.fileExists(atPath: orphan.path))
        next.abandon()
        #expect(Self.snapshot(out) == before)
    }
}
