import Foundation
import GRDB
import Testing
@testable import MediathequeKit

/// Every page type, public and private, in Chromium at 1280 and 390 px: axe-core finds no
/// WCAG 2.1 A or AA violation, every table cell on a phone says what it holds, no table
/// runs off the screen outside a scroll container, and no word of 24 characters or fewer
/// is split across lines (`Tests/Validators/audit_pages.py`, one browser session for all).
///
/// Checked on the demo and on a bundle built from hostile data: 2,000-character titles,
/// right-to-left names and a bidi override, an empty account, markup in every text field.
/// The screenshots of every page at both widths go to the folder the test prints
/// (`MEDIATHEQUE_SCREENSHOTS` to choose it), for a person to look at, with the hostile bundle.
@Suite(.requiresBrowserAudit)
struct BrowserAuditTests {
    @Test func everyPageTypePassesAxeAndReadsOnAPhone() throws {
        let demo = try DemoBuild.shared().bundle
        let screenshots = ProcessInfo.processInfo.environment["MEDIATHEQUE_SCREENSHOTS"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("mediatheque-screenshots")
        // Kept beside the screenshots, to open a page that looks wrong.
        let hostile = screenshots.appendingPathComponent("hostile-bundle")
        try? FileManager.default.removeItem(at: hostile)
        try Self.hostileBundle(in: hostile)
        let outcome = try Validators.auditPages(["demo": demo, "hostile": hostile], screenshots: screenshots)
        print("Screenshots of every page type at 1280 and 390 px, and the hostile bundle: \(screenshots.path)")
        #expect(outcome.succeeded, "\(outcome.standardOutput)\(outcome.standardError)")
    }

    /// Right-to-left, with an override (U+202E) that would reverse what follows it if not isolated.
    static let rightToLeft = "\u{202E}ليلى حداد"

    /// More hostile rows for the private fixture's Clara: a 2,000-character title she borrowed,
    /// holds and returned, a library and a kind in markup, a right-to-left shelf and
    /// registrations (one for the hostile event of the feed, one for an event gone from it).
    /// Émile keeps an empty account, under a right-to-left name.
    static func fill(_ db: Database) throws {
        try PrivateHostileTextTests.fill(db)
        try db.execute(sql: "UPDATE library SET name = ?, address = ? WHERE code = 'TAR'",
                       arguments: ["<b>Tarentaize</b> & \"co\" \(rightToLeft)", "<i>1 rue</i> \(rightToLeft)"])
        try db.execute(sql: "UPDATE patron SET first_name = ?, last_name = ?, email = ? WHERE card_number = '24200000000005'",
                       arguments: [rightToLeft, "\u{202E}حداد", "ليلى.حداد.avec.une.adresse.tres.longue@exemple.example"])
        try db.execute(sql: "INSERT INTO document (id, title, authors, kind, year, series, genre, added_on) VALUES (2, ?, ?, ?, 2024, ?, ?, '2025-01-01')",
                       arguments: [HostileTextTests.longTitle, rightToLeft, "<i>Livre</i>", "<u>Série</u>", rightToLeft])
        try db.execute(sql: "INSERT INTO item (barcode, document_id, library) VALUES ('34200000000002', 2, 'TAR'), ('34200000000003', 2, 'TAR')")
        try db.execute(sql: """
            INSERT INTO loan (barcode, patron_card, library, borrowed_on, due_on, renewals, returned_on) VALUES
              ('34200000000002', '24200000000003', 'TAR', '2025-02-01', '2025-03-01', 0, NULL),
              ('34200000000003', '24200000000003', 'TAR', '2025-01-02', '2025-01-30', 0, '2025-02-10');
            INSERT INTO hold (document_id, patron_card, pickup_library, placed_on, available_on, available_until, queue_position) VALUES
              (2, '24200000000003', 'TAR', '2025-03-01', NULL, NULL, 3),
              (1, '24200000000003', 'TAR', '2025-03-01', '2025-03-25', '2025-04-08', NULL);
            INSERT INTO shelf_entry (shelf_id, document_id, added_on) VALUES (8, 2, '2025-03-01');
            INSERT INTO event_registration (patron_card, registered_by, event_id, session_id, status, registered_at) VALUES
              ('24200000000003', '24200000000003', 'hostile', 's1', 'confirmed', '2025-03-01T10:00:00'),
              ('24200000000003', '24200000000003', '<gone> \(rightToLeft)', 's1', 'refused', '2025-03-01T10:00:00');
            """)
        try db.execute(sql: "INSERT INTO shelf (id, patron_card, name, kind, created_on) VALUES (9, '24200000000003', ?, 'custom', '2025-01-02')",
                       arguments: [rightToLeft])
    }

    /// A bundle of the hostile public site (``HostileTextTests/content()``) and two patron
    /// folders: Clara's, full of hostile text, and Émile's, empty; with the site's assets.
    static func hostileBundle(in folder: URL) throws {
        func write(_ bytes: [UInt8], to path: String) throws {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        let content = HostileTextTests.content()
        for (path, text) in try PublicTestSupport.render(content) where path.hasSuffix(".html") {
            try write(Array(text.utf8), to: "public/" + path)
        }
        let fixture = try PrivateFixture(feed: content.feed.events, config: PrivateFixture.portal, fill: fill)
        defer { fixture.remove() }
        for (card, token) in [(PrivateFixture.clara, "hostile"), (PrivateFixture.emile, "vide")] {
            for file in try fixture.renderer.render(try fixture.bundle(card), token: token).files {
                try write(file.bytes, to: file.path.value)
            }
        }
        let assets = Repository.site.appendingPathComponent("assets")
        for name in try FileManager.default.contentsOfDirectory(atPath: assets.path) {
            let bytes = try [UInt8](Data(contentsOf: assets.appendingPathComponent(name)))
            try write(bytes, to: "public/assets/" + name)
            try write(bytes, to: "private/assets/" + name)
        }
    }
}

extension Validators {
    /// Whether `audit_pages.py` has what it needs: selenium, Chromium and its driver, axe.min.js.
    static let hasBrowserAudit: Bool = {
        guard let python else { return false }
        return (try? run(python, [directory.appendingPathComponent("audit_pages.py").path, "--check"]))?.succeeded ?? false
    }()

    /// Runs `audit_pages.py` on `bundles` (name → bundle holding `public/` and `private/`).
    static func auditPages(_ bundles: [String: URL], screenshots: URL) throws -> Outcome {
        guard let python else { throw ValidatorUnavailable(message: "python3 is not on the PATH") }
        let specs = bundles.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.path)" }
        return try run(python, [directory.appendingPathComponent("audit_pages.py").path, "--screenshots", screenshots.path] + specs)
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test when the browser audit can run (or when validators are required).
    static var requiresBrowserAudit: Self {
        .enabled(if: Validators.required || Validators.hasBrowserAudit,
                 "needs selenium, Chromium and axe-core: apt-get install chromium chromium-driver; pip install selenium axe-playwright-python")
    }
}
