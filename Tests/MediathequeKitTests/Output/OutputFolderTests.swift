import Foundation
@testable import MediathequeKit
import Testing

/// A build never renames, lists or removes anything outside the bundle and what it keeps
/// beside it: each case leaves its neighbours, and what a link names, as they were.
@Suite(.serialized) struct OutputFolderTests {
    @Test func aFolderThatIsNotABundleIsRefused() throws {
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: IncrementalBuildTests.today).materialize(into: dir.url)
        let user = dir.url.appendingPathComponent("u")
        try dir.write("u/thesis.txt", "x")
        let before = Tree.of(dir.url)
        for _ in 1...2 {
            #expect { try IncrementalBuildTests.build(user, demo) } throws: { "\($0)".contains("not a bundle this tool wrote") }
        }
        #expect(Tree.of(dir.url) == before)
    }

    @Test func theCurrentFolderIsRefused() throws {
        let dir = try TemporaryDirectory()
        let project = dir.url.appendingPathComponent("project")
        try dir.write("project/Package.swift", "// a project")
        let before = Tree.of(dir.url)
        let result = try Command.run(["build", "--site", Repository.site.path, "--templates", Repository.templates.path,
                                      "--today", IncrementalBuildTests.today.iso, "--out", ".", "--no-search"], in: project)
        #expect(result.status == 1)
        #expect(result.stderr.contains("not a bundle this tool wrote"), "\(result.stderr)")
        #expect(Tree.of(dir.url) == before)
    }

    @Test func aLinkAsOutIsRefused() throws {
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: IncrementalBuildTests.today).materialize(into: dir.url)
        let real = dir.url.appendingPathComponent("www/real")
        _ = try IncrementalBuildTests.build(real, demo) // a bundle, even: the link itself is refused
        let link = dir.url.appendingPathComponent("site_link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        let before = Tree.of(dir.url)
        for _ in 1...3 {
            #expect { try IncrementalBuildTests.build(link, demo) } throws: { "\($0)".contains("is a symbolic link") }
        }
        #expect(Tree.of(dir.url) == before)
    }

    @Test func aPreviousBundleReplacedByALinkIsRefused() throws {
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: IncrementalBuildTests.today).materialize(into: dir.url)
        let out = dir.url.appendingPathComponent("_site")
        _ = try IncrementalBuildTests.build(out, demo)
        _ = try IncrementalBuildTests.build(out, demo)
        let previous = out.path + PreviousBundle.suffix
        #expect(FileTree.remove(previous))
        try dir.write("other/private/keep.txt", "mine")
        try dir.write("other/notes.txt", "mine too")
        try FileManager.default.createSymbolicLink(atPath: previous, withDestinationPath: dir.path("other"))
        let before = Tree.of(dir.url)
        #expect { try IncrementalBuildTests.build(out, demo) } throws: {
            "\($0)".contains("the previous bundle is a symbolic link")
        }
        #expect(Tree.of(dir.url) == before)
    }

    @Test func aSecondBuildOnTheSameOutIsRefused() throws {
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: IncrementalBuildTests.today).materialize(into: dir.url)
        let out = dir.url.appendingPathComponent("_site")
        _ = try IncrementalBuildTests.build(out, demo)
        let before = Tree.of(dir.url)
        do {
            let first = try OutputClaim(out) // as the first build holds it
            #expect { try IncrementalBuildTests.build(out, demo) } throws: { "\($0)".contains("another build is writing this bundle") }
            #expect(Tree.of(dir.url) == before)
            withExtendedLifetime(first) {}
        }
        _ = try IncrementalBuildTests.build(out, demo)
    }

    /// A build stopped by SIGTERM or SIGINT removes its staging folder, its copy of the
    /// database and the demo's temporary folder; the published bundle stays as it was (the
    /// previous one, its starting point, is gone with the staging folder it became).
    @Test(arguments: [SIGTERM, SIGINT]) func aStoppedBuildLeavesNothingBehind(signal: Int32) throws {
        let dir = try TemporaryDirectory()
        let temporary = dir.url.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let arguments = ["build", "--site", Repository.site.path, "--templates", Repository.templates.path,
                         "--out", dir.path("_site"), "--jobs", "1", "--today"]
        #expect(try Command.run(arguments + [IncrementalBuildTests.today.iso], environment: ["TMPDIR": temporary.path]).status == 0)
        let before = Tree.of(dir.url.appendingPathComponent("_site"))
        let process = Process()
        process.executableURL = Command.executable
        // Another day: every folder has dated files to render again, so the build is stopped midway.
        process.arguments = arguments + [IncrementalBuildTests.today.adding(days: 3).iso]
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary.path]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let staging = dir.path("_site.staging-\(process.processIdentifier)")
        let deadline = Date(timeIntervalSinceNow: 60)
        while !FileManager.default.fileExists(atPath: staging), process.isRunning, Date() < deadline { usleep(1000) }
        // Soon after the staging folder appears: a build of another day only rewrites the dated
        // files, and on a quiet machine it finished within 300 ms.
        usleep(20_000)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the build was stopped before it finished")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted()
        #expect(left == ["_site", "_site.lock", "tmp"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == [])
        #expect(Tree.of(dir.url.appendingPathComponent("_site")) == before)
    }
}

/// What a folder holds, never through a link: each path's kind, bytes or link target, and mode.
enum Tree {
    static func of(_ root: URL) -> [String: String] {
        var tree: [String: String] = [:]
        walk(root.path, "", into: &tree)
        return tree
    }

    private static func walk(_ root: String, _ relative: String, into tree: inout [String: String]) {
        let path = relative.isEmpty ? root : root + "/" + relative
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        let mode = String(info.st_mode & 0o7777, radix: 8)
        switch info.st_mode & S_IFMT {
        case S_IFLNK:
            tree[relative] = "link \((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")"
        case S_IFDIR:
            tree[relative] = "folder \(mode)"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                walk(root, relative.isEmpty ? name : relative + "/" + name, into: &tree)
            }
        default:
            let bytes = FileManager.default.contents(atPath: path) ?? Data()
            tree[relative] = "file \(mode) \(info.st_ino) \(bytes.count) \(bytes.hashValue)"
        }
    }
}
