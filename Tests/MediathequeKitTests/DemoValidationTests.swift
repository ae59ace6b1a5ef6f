import Foundation
import Testing
@testable import MediathequeKit

/// The whole demo bundle, public and private, read by the real parsers of each format.
struct DemoValidationTests {
    @Test(.requiresICSValidators, .requiresRSSValidators)
    func everyCalendarFeedAndExportOfTheDemoParses() throws {
        let bundle = try DemoBuild.shared().bundle
        let files = PublicTestSupport.files(in: bundle)
        let calendars = files.filter { $0.hasSuffix(".ics") }
        let feeds = files.filter { $0.hasSuffix(".rss") }
        let exports = files.filter { $0.hasSuffix("donnees.json") }
        #expect(calendars.filter { $0.hasPrefix("private/") }.count > 100)
        #expect(feeds.filter { $0.hasPrefix("private/") }.count >= 4)
        let ics = try Validators.validateICS([bundle])
        #expect(ics.succeeded, "\(ics.standardError)")
        let rss = try Validators.validateRSS([bundle])
        #expect(rss.succeeded, "\(rss.standardError)")
        for export in exports {
            let data = try Data(contentsOf: bundle.appendingPathComponent(export))
            #expect((try? JSONSerialization.jsonObject(with: data)) is [String: Any], "\(export)")
        }
    }
}
