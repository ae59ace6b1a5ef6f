import Foundation
import GRDB
import Testing
@testable import MediathequeKit

/// A small account database built in a fresh temporary folder, and the private
/// folders rendered from it with the real templates.
///
/// Everything is dated from ``today`` (2025-03-28); `day(-5)` is five days earlier.
struct PrivateFixture {
    static let today = Day(iso: "2025-03-28")!
    static let templatesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates")

    let folder: URL
    let database: AccountDatabase
    let content: SiteContent
    let renderer: PatronFolderRenderer

    /// Libraries and patrons every test can use: A (holder of B), B, C (unrelated), E (nothing at all).
    static let base = """
        INSERT INTO library (code, name) VALUES ('TAR', 'Tarentaize'), ('CAR', 'Carnot');
        INSERT INTO patron (card_number, pseudo, first_name, last_name, membership_expires, home_library) VALUES
          ('24200000000001', 'AnneA', 'Anne', 'Aubert', '2026-01-01', 'TAR'),
          ('24200000000002', 'BrunoB', 'Bruno', 'Berger', '2026-01-01', 'CAR'),
          ('24200000000003', 'ClaraC', 'Clara', 'Chevalier', '2026-01-01', NULL),
          ('24200000000005', 'EmileE', 'Émile', 'Estève', '2026-01-01', NULL);
        INSERT INTO account_share (holder_card, member_card) VALUES ('24200000000001', '24200000000002');
        """

    /// Settings with every action of the portal configured (`{document}` and the like
    /// between `/` so that a test finds each id in its URL).
    static let portal = try! SiteConfiguration.parse("""
        catalogue_record_url = https://portail.example/notice/{document}
        renew_loan_url = https://portail.example/prolonger/{loan}
        renew_loans_url = https://portail.example/prolonger
        cancel_hold_url = https://portail.example/annuler/{hold}
        review_url = https://portail.example/avis/{document}
        add_to_favourites_url = https://portail.example/favoris/{document}
        edit_profile_url = https://portail.example/profil
        change_password_url = https://portail.example/mot-de-passe
        shared_accounts_url = https://portail.example/comptes-partages
        edit_search_url = https://portail.example/recherches/{search}
        disable_search_url = https://portail.example/recherches/{search}/desactiver
        delete_search_url = https://portail.example/recherches/{search}/supprimer
        portal_url = https://portail.example/compte
        """, file: "portal.conf")

    static let anne = "24200000000001", bruno = "24200000000002", clara = "24200000000003", emile = "24200000000005"

    /// - Parameters:
    ///   - sql: inserts after ``base``; `{{d-5}}` stands for the ISO date five days before today, `{{d}}` for today, `{{m-3}}` for three months before.
    ///   - feed: the agenda's events.
    ///   - fill: more rows, with arguments (hostile text).
    ///   - config: the site's settings (the rules among them).
    init(sql: String = "", feed: [Event] = [], config: SiteConfiguration = SiteConfiguration(),
         fill: (Database) throws -> Void = { _ in }) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("mediatheque-private-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("accounts.sqlite").path
        try DemoData.createDatabase(at: path) { db in
            try db.execute(sql: Self.base)
            if !sql.isEmpty { try db.execute(sql: Self.expand(sql)) }
            try fill(db)
        }
        database = try AccountDatabase(path: path)
        let problems = try database.contractProblems()
        if !problems.problems.isEmpty { throw problems }
        content = SiteContent(config: config, feed: AgendaFeed(timeZone: "Europe/Paris", generated: LocalDateTime(day: Self.today), events: feed),
                              libraries: database.libraries, confirmed: try database.confirmedRegistrations(),
                              patronCount: try database.patronCount(), today: Self.today)
        var renderer = PatronFolderRenderer(templates: try TemplateSet(directory: Self.templatesDirectory), content: content)
        if try database.hasActiveCatalogueSearch() {
            renderer.searches = SavedSearchResolver(content: content, catalogue: try CatalogueIndex(source: database))
        }
        self.renderer = renderer
    }

    /// Replaces `{{d±N}}` and `{{m±N}}` / `{{m±N d±K}}` tokens with ISO dates relative to today.
    static func expand(_ sql: String) -> String {
        let pattern = try! NSRegularExpression(pattern: #"\{\{(?:m([+-]\d+))?\s*(?:d([+-]\d+)?)?\}\}"#)
        let ns = sql as NSString
        var out = ""
        var last = 0
        for match in pattern.matches(in: sql, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: last, length: match.range.location - last))
            var day = today
            if match.range(at: 1).location != NSNotFound { day = day.adding(months: Int(ns.substring(with: match.range(at: 1)))!) }
            if match.range(at: 2).location != NSNotFound { day = day.adding(days: Int(ns.substring(with: match.range(at: 2)))!) }
            out += day.iso
            last = match.range.location + match.range.length
        }
        return out + ns.substring(from: last)
    }

    func bundle(_ card: String) throws -> PatronBundle {
        try #require(try database.bundle(card: card, today: Self.today, rules: content.config.rules))
    }

    /// The patron's folder as file path (relative to the folder) → text.
    func folderFiles(_ card: String) throws -> [String: String] {
        let files = try renderer.render(try bundle(card), token: "t\(card)").files
        var byPath: [String: String] = [:]
        for file in files {
            let prefix = "private/t\(card)/"
            #expect(file.path.value.hasPrefix(prefix), "\(file.path) is outside the patron's folder")
            byPath[String(file.path.value.dropFirst(prefix.count))] = String(decoding: file.bytes, as: UTF8.self)
        }
        return byPath
    }

    /// One page, with the HTML entities the templates produce turned back into characters.
    func page(_ card: String, _ file: String) throws -> String {
        let files = try folderFiles(card)
        return Self.unescape(try #require(files[file], "no \(file) in the folder"))
    }

    static func unescape(_ html: String) -> String {
        html.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The rows (`<tr>…</tr>`) of a page's table bodies (their row header and data cells),
    /// tags removed, cells separated by " | ".
    static func rows(_ html: String) -> [String] {
        html.components(separatedBy: "<tr").dropFirst().compactMap { chunk -> String? in
            guard let end = chunk.range(of: "</tr>") else { return nil }
            let row = String(chunk[..<end.lowerBound])
            guard row.contains("<td") else { return nil }
            let marked = row.replacingOccurrences(of: "<th scope=\"row\"", with: "<td")
            let cells = marked.components(separatedBy: "<td").dropFirst().map { cell in
                cell.replacingOccurrences(of: #"^[^>]*>"#, with: "", options: .regularExpression)
                    .replacingOccurrences(of: #"<[^>]*>"#, with: "", options: .regularExpression)
                    .trimmingCharacters(in: .whitespaces)
            }
            return cells.joined(separator: " | ").trimmingCharacters(in: .whitespaces)
        }
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
