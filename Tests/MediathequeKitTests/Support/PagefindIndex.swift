import Foundation
import Testing
@testable import MediathequeKit

/// Pagefind for the tests' builds, and what of its index may differ from run to run.
///
/// Pagefind 1.5.2 is not byte-stable: it writes each filter's values in an order that
/// changes from one run to the next over the same pages (a hash map's order), so the
/// filter files' bytes and names (`filter/fr_*.pf_filter`), the `pagefind.fr_*.pf_meta`
/// that names them and `pagefind-entry.json`, which names that, differ. Every other file
/// of the index (fragments, word index, scripts, wasm) is the same bytes. A rebuild that
/// keeps the pages keeps the index with them, whole (``BuildTests``).
enum PagefindIndex {
    /// Found as the command finds it, or `nil` when it is not installed here.
    static let pagefind: Pagefind? = try? Pagefind.locate(ProcessInfo.processInfo.environment["MEDIATHEQUE_PAGEFIND"],
                                                         environment: ProcessInfo.processInfo.environment)

    /// Whether a bundle path is one of the index's files that differ between two runs.
    static func varies(_ path: String) -> Bool {
        let folder = "public/\(Pagefind.folder)/"
        guard path.hasPrefix(folder) else { return false }
        let name = path.dropFirst(folder.count)
        return name.hasPrefix("filter/") || name == "pagefind-entry.json" || name.hasPrefix("pagefind.") && name.hasSuffix(".pf_meta")
    }

    /// A bundle's files, path → bytes, without those that ``varies(_:)``, and the manifest
    /// without their names: what two builds of the same inputs must share byte for byte.
    static func comparable(_ bundle: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in PublicTestSupport.files(in: bundle) where !varies(path) {
            files[path] = FileManager.default.contents(atPath: bundle.appendingPathComponent(path).path)
        }
        if let manifest = files[BuildManifest.fileName] {
            let text = String(decoding: manifest, as: UTF8.self)
            let cleaned = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.split(separator: "\t", omittingEmptySubsequences: false).map { field in
                    field.split(separator: "|", omittingEmptySubsequences: false).filter { !varies(String($0)) }.joined(separator: "|")
                }.joined(separator: "\t")
            }
            files[BuildManifest.fileName] = Data(cleaned.joined(separator: "\n").utf8)
        }
        return files
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test when Pagefind is installed (or when validators are required: CI installs it).
    static var requiresPagefind: Self {
        .enabled(if: Validators.required || PagefindIndex.pagefind != nil,
                 "needs Pagefind: python3 -m pip install pagefind-bin==\(Pagefind.pinned)")
    }
}
