import Foundation
import Testing
@testable import MediathequeKit

/// The `.gz` siblings of the bundle's text files, for servers that send them as they are.
struct PrecompressedTests {
    @Test func theSameBytesGiveTheSameGzipFileWithNoTimeInIt() throws {
        let text = [UInt8](String(repeating: "<p>Médiathèque</p>\n", count: 200).utf8)
        let compressed = try Precompressed.gzip(text)
        #expect(compressed == (try Precompressed.gzip(text)))
        #expect(Array(compressed.prefix(3)) == [0x1f, 0x8b, 8])  // gzip, deflate
        #expect(compressed[4..<8].allSatisfy { $0 == 0 })  // MTIME
        #expect(compressed.count < text.count / 10)
    }

    @Test func onlyTextFilesOverOneKilobyteGetOne() throws {
        func file(_ path: String, _ size: Int) throws -> RenderedFile {
            RenderedFile(path: try BundlePath(path), bytes: [UInt8](repeating: 0x61, count: size))
        }
        for name in ["index.html", "a.css", "a.rss", "a.json", "a.svg", "a.xml", "a.ics"] {
            #expect(Precompressed.wants(try file("public/" + name, 1025)))
            #expect(!Precompressed.wants(try file("public/" + name, 1024)))
        }
        #expect(!Precompressed.wants(try file("private/x/synthese.pdf", 50_000)))
        #expect(!Precompressed.wants(try file("public/robots.txt", 5_000)))
        #expect(Precompressed.names("index.html", of: try file("public/index.html", 2_000)) == ["index.html", "index.html.gz"])
        #expect(Precompressed.original(of: "donnees.json.gz") == "donnees.json")
    }

    @Test(.requiresRSSValidators) func everyTextFileOfTheDemoHasASiblingThatDecompressesToItWithItsTime() throws {
        let bundle = try DemoBuild.shared().bundle
        let files = PublicTestSupport.files(in: bundle)
        let all = Set(files)
        var siblings = 0
        for path in files where !path.hasSuffix(".gz") && path != BuildManifest.fileName {
            let file = RenderedFile(path: try BundlePath(path), bytes: try [UInt8](Data(contentsOf: bundle.appendingPathComponent(path))))
            #expect(all.contains(path + ".gz") == Precompressed.wants(file), "\(path)")
            guard Precompressed.wants(file) else { continue }
            siblings += 1
            #expect(try modified(bundle, path) == modified(bundle, path + ".gz"), "\(path)")
        }
        #expect(siblings > 100 && siblings == files.filter { $0.hasSuffix(".gz") }.count)
        // Every sibling decompresses to its file, by Python's gzip module.
        let check = "import gzip, os, sys\nroot = sys.argv[1]\nfor d, _, names in os.walk(root):\n"
            + "    for n in names:\n        p = os.path.join(d, n)\n"
            + "        if n.endswith('.gz') and gzip.decompress(open(p, 'rb').read()) != open(p[:-3], 'rb').read(): print(p)\n"
        let outcome = try Validators.run(try #require(Validators.python), ["-c", check, bundle.path])
        #expect(outcome.succeeded && outcome.standardOutput.isEmpty, Comment(rawValue: outcome.standardOutput + outcome.standardError))
        // The manifest lists them with their folder's files.
        let manifest = try String(contentsOf: bundle.appendingPathComponent(BuildManifest.fileName), encoding: .utf8)
        #expect(manifest.contains("public/index.html|public/index.html.gz|") && manifest.contains("|index.html.gz|"))
    }

    @Test func theNextNightKeepsTheSiblingsOfUnchangedFilesAndDatesTheNewOnes() throws {
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: IncrementalBuildTests.today).materialize(into: dir.url)
        let out = dir.url.appendingPathComponent("_site")
        _ = try IncrementalBuildTests.build(out, demo)
        let before = try IncrementalBuildTests.inodes(out)
        _ = try IncrementalBuildTests.build(out, demo, today: IncrementalBuildTests.today.adding(days: 1))
        let after = try IncrementalBuildTests.inodes(out)
        var kept = 0, rewritten = 0
        for (path, inode) in after where path.hasSuffix(".gz") {
            let original = String(path.dropLast(3))
            if after[original] == before[original] {
                #expect(inode == before[path], "\(path): the file was kept, its sibling was not")
                kept += 1
            } else {
                rewritten += 1
            }
            #expect(try modified(out, path) == modified(out, original), "\(path)")
        }
        #expect(kept > 100 && rewritten > 10)
    }

    private func modified(_ bundle: URL, _ path: String) throws -> Date? {
        try FileManager.default.attributesOfItem(atPath: bundle.appendingPathComponent(path).path)[.modificationDate] as? Date
    }
}
