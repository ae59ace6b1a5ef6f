import Foundation
import Testing
@testable import MediathequeKit

/// A folder is rendered in parts (``PrivateFolderLayout/Part``): what a build keeps of a
/// folder rests on each part being rendered alone as it is in the whole, and on the pages
/// that read the rows alone reading nothing that follows the date.
struct PrivateFolderPartsTests {
    static let sql = PrivateReadingTests.sql + """
        INSERT INTO shelf (id, patron_card, name, kind, created_on) VALUES (4, '24200000000001', 'À lire', 'custom', '2025-01-01');
        INSERT INTO shelf_entry (shelf_id, document_id, added_on) VALUES (4, 1, '2025-01-02');
        """

    static func files(_ folder: PatronFolderRenderer.Folder) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: folder.files.map { ($0.path.value, $0.bytes) })
    }

    @Test func thePartsMakeUpTheWholeFolder() throws {
        let fixture = try PrivateFixture(sql: Self.sql, config: PrivateFixture.portal)
        defer { fixture.remove() }
        let bundle = try fixture.bundle(PrivateFixture.anne)
        let whole = Self.files(try fixture.renderer.render(bundle, token: "t"))
        var union: [String: [UInt8]] = [:]
        for part in PrivateFolderLayout.Part.allCases {
            let files = Self.files(try fixture.renderer.render(bundle, token: "t", parts: [part]))
            #expect(!files.isEmpty, "\(part)")
            #expect(files.keys.allSatisfy { PrivateFolderLayout.part(of: String($0.dropFirst("private/t/".count))) == part }, "\(part)")
            union.merge(files) { a, _ in a }
        }
        #expect(union == whole)
        // Every file a folder has, by its part: a new one must be given the part of what it reads.
        let expected: [String: PrivateFolderLayout.Part] = [
            "index.html": .states, "prets.html": .states, "inscriptions.html": .states, "calendrier.ics": .states,
            "donnees.json": .states, "recherches.html": .searches, "recherches/1.rss": .searches,
            "reservations.html": .rows, "historique.html": .rows, "favoris/index.html": .rows, "favoris/4.html": .rows,
            "avis.html": .rows, "profil.html": .rows, "synthese.html": .summary,
        ]
        var parts: [String: PrivateFolderLayout.Part] = [:]
        for path in whole.keys {
            let name = String(path.dropFirst("private/t/".count))
            parts[name] = PrivateFolderLayout.part(of: name)
        }
        #expect(parts == expected)
    }

    /// The same rows make the same pages on any day: a folder rendered again for its states
    /// keeps them (the history's window is applied when the rows are read).
    @Test func theRowsPagesAreTheSameOnAnyDay() throws {
        let fixture = try PrivateFixture(sql: Self.sql, config: PrivateFixture.portal)
        defer { fixture.remove() }
        let bundle = try fixture.bundle(PrivateFixture.anne)
        let templates = try TemplateSet(directory: PrivateFixture.templatesDirectory)
        func rows(after days: Int) throws -> [String: [UInt8]] {
            var content = fixture.content
            content.today = PrivateFixture.today.adding(days: days)
            content.situationDay = content.today
            return Self.files(try PatronFolderRenderer(templates: templates, content: content).render(bundle, token: "t", parts: [.rows]))
        }
        let today = try rows(after: 0)
        #expect(today.count >= 6)
        for days in [1, 2, 3, 4, 28] {
            #expect(try rows(after: days) == today, "\(days) days later")
        }
        // The states do follow the date: the loan due in three days is due soon, then late.
        var later = fixture.content
        later.today = PrivateFixture.today.adding(days: 28)
        #expect(Self.files(try PatronFolderRenderer(templates: templates, content: later).render(bundle, token: "t", parts: [.states]))
                != Self.files(try fixture.renderer.render(bundle, token: "t", parts: [.states])))
    }
}
