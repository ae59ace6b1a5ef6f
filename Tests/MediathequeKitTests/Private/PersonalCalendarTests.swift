import Foundation
import Testing
@testable import MediathequeKit

/// `calendrier.ics`: due dates, pickup deadlines and registered sessions of the
/// patron and of their shared accounts, with UIDs that survive a renewal.
struct PersonalCalendarTests {
    static let tar = Library(code: "TAR", name: "Tarentaize")
    static let event = Event(id: "club", updated: LocalDateTime(iso: "2025-03-01T10:00")!, title: "Club de lecture", sessions: [
        Session(id: "s1", library: tar, start: LocalDateTime(iso: "2025-04-03T18:00")!, end: LocalDateTime(iso: "2025-04-03T19:30")!,
                registration: .online, capacity: 10),
    ])
    static let sql = """
        INSERT INTO document (id, title, kind, added_on) VALUES (1, 'Pilates', 'Livre', '2024-01-01'), (2, 'Parfaite', 'Livre', '2024-01-01');
        INSERT INTO item (barcode, document_id, library) VALUES ('34200000000001', 1, 'TAR'), ('34200000000002', 2, 'TAR');
        INSERT INTO loan (id, barcode, patron_card, library, borrowed_on, due_on, renewals) VALUES
          (11, '34200000000001', '24200000000001', 'TAR', '{{d-20}}', '{{d+8}}', 0),
          (12, '34200000000002', '24200000000002', 'TAR', '{{d-20}}', '{{d+2}}', 0);
        INSERT INTO hold (id, document_id, patron_card, pickup_library, placed_on, available_on, available_until, queue_position) VALUES
          (21, 2, '24200000000001', 'TAR', '{{d-9}}', '{{d-1}}', '{{d+13}}', NULL), (22, 1, '24200000000001', 'TAR', '{{d-9}}', NULL, NULL, 1);
        INSERT INTO event_registration (id, patron_card, registered_by, event_id, session_id, status, registered_at) VALUES
          (31, '24200000000001', '24200000000001', 'club', 's1', 'confirmed', '2025-03-10T10:00:00'),
          (32, '24200000000002', '24200000000001', 'club', 's1', 'waitlisted', '2025-03-10T10:01:00'),
          (33, '24200000000001', '24200000000001', 'club', 's1', 'refused', '2025-03-10T10:02:00');
        """

    func calendar(renewed: Bool = false, maxRenewals: Int = 1) throws -> String {
        var config = SiteConfiguration()
        config.rules.maxRenewals = maxRenewals
        let fixture = try PrivateFixture(sql: Self.sql + (renewed ? "\nUPDATE loan SET due_on = '{{d+36}}', renewals = 1 WHERE id = 11;" : ""),
                                         feed: [Self.event], config: config)
        defer { fixture.remove() }
        return try #require(try fixture.folderFiles(PrivateFixture.anne)["calendrier.ics"])
    }

    func vevent(_ uid: String, in ics: String) throws -> String {
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        return try #require(unfolded.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("UID:\(uid)@") }, "no \(uid)")
    }

    /// A loan's event says how many renewals are left under the network's `max_renewals`.
    @Test func theRenewalsLeftFollowTheRules() throws {
        #expect(try vevent("loan-11", in: calendar()).contains("Prolongeable une fois depuis votre espace personnel"))
        #expect(try vevent("loan-11", in: calendar(maxRenewals: 2)).contains("Prolongeable deux fois depuis"))
        #expect(try vevent("loan-11", in: calendar(renewed: true, maxRenewals: 2)).contains("Prolongeable une fois depuis"))
        #expect(try vevent("loan-11", in: calendar(renewed: true)).contains("Prolongation impossible : Document déjà prolongé une fois"))
        #expect(try vevent("loan-11", in: calendar(maxRenewals: 0)).contains("\\nProlongation non autorisée"))
    }

    @Test func dueDatesPickupsAndSessionsOfOwnAndSharedAccounts() throws {
        let ics = try calendar()
        let loan = try vevent("loan-11", in: ics)
        #expect(loan.contains("DTSTART;VALUE=DATE:20250405") && loan.contains("DTEND;VALUE=DATE:20250406"))
        #expect(loan.contains("SUMMARY:À rendre : Pilates\r\n"))
        #expect(try vevent("loan-12", in: ics).contains("SUMMARY:À rendre : Parfaite (Bruno)"))
        #expect(try vevent("hold-21", in: ics).contains("DTSTART;VALUE=DATE:20250410"))
        #expect(!ics.contains("UID:hold-22@")) // a waiting hold has no deadline
        let confirmed = try vevent("registration-31", in: ics)
        #expect(confirmed.contains("DTSTART;TZID=Europe/Paris:20250403T180000") && confirmed.contains("STATUS:CONFIRMED"))
        let waitlisted = try vevent("registration-32", in: ics)
        #expect(waitlisted.contains("STATUS:TENTATIVE") && waitlisted.contains("SUMMARY:Club de lecture (Bruno)"))
        #expect(!ics.contains("UID:registration-33@")) // refused
    }

    @Test func aRenewalMovesTheEventInsteadOfAddingOne() throws {
        let before = try vevent("loan-11", in: try calendar())
        let after = try vevent("loan-11", in: try calendar(renewed: true))
        #expect(before.contains("SEQUENCE:0") && after.contains("SEQUENCE:1"))
        #expect(after.contains("DTSTART;VALUE=DATE:20250503"))
    }

    @Test(.requiresICSValidators)
    func theCalendarPassesTheRealParsers() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(try calendar(), to: "calendrier.ics")
        let outcome = try Validators.validateICS([path])
        #expect(outcome.succeeded, "\(outcome.standardError)")
    }
}
