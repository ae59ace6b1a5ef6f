import Testing
@testable import MediathequeKit

/// `inscriptions.html`: own and shared accounts' registrations, with the session's
/// registration status as of today; a registration whose event left the feed says so.
struct PrivateRegistrationsTests {
    static let atelier = Event(id: "atelier", updated: LocalDateTime(day: PrivateFixture.today), title: "Atelier BD", sessions: [
        Session(id: "s1", library: Library(code: "CAR", name: "Carnot"),
                start: LocalDateTime(day: PrivateFixture.today.adding(days: 4), hour: 14),
                end: LocalDateTime(day: PrivateFixture.today.adding(days: 4), hour: 16), registration: .online, capacity: 1,
                opens: LocalDateTime(day: PrivateFixture.today.adding(days: -10)), closes: LocalDateTime(day: PrivateFixture.today.adding(days: 3))),
    ])

    @Test func registrationsWithTheSessionsStatus() throws {
        let fixture = try PrivateFixture(sql: """
            INSERT INTO event_registration (patron_card, registered_by, event_id, session_id, status, registered_at) VALUES
              ('24200000000001', '24200000000001', 'atelier', 's1', 'confirmed', '2025-03-20T10:00:00'),
              ('24200000000002', '24200000000001', 'atelier', 's1', 'waitlisted', '2025-03-20T10:01:00'),
              ('24200000000001', '24200000000001', 'parti-depuis', 's9', 'refused', '2025-03-21T10:00:00'),
              ('24200000000003', '24200000000003', 'atelier', 's1', 'cancelled', '2025-03-21T11:00:00');
            """, feed: [Self.atelier])
        defer { fixture.remove() }
        let rows = PrivateFixture.rows(try fixture.page(PrivateFixture.anne, "inscriptions.html"))
        #expect(rows == [
            "AUBERT | Anne | Atelier BD | 01/04/2025 | 14:00 | Carnot | Confirmée | Complet (liste d'attente)",
            "AUBERT | Anne | Animation retirée de l'agenda (référence «\u{A0}\u{2068}parti-depuis\u{2069}\u{A0}») |  |  |  | Refusée | Cette séance n'est plus au programme",
            "BERGER | Bruno | Atelier BD | 01/04/2025 | 14:00 | Carnot | Liste d'attente | Complet (liste d'attente)",
        ])
        #expect(!(try fixture.page(PrivateFixture.anne, "inscriptions.html")).contains("Chevalier"))
    }

    /// The summary, page and PDF alike (``ComingRegistrations``), shows the registrations for
    /// sessions not yet over, soonest first; not those of sessions over, nor of sessions gone.
    @Test func theSummaryShowsTheComingRegistrationsOnly() throws {
        let past = Event(id: "passe", updated: LocalDateTime(day: PrivateFixture.today), title: "Conte passé", sessions: [
            Session(id: "p1", library: Library(code: "TAR", name: "Tarentaize"),
                    start: LocalDateTime(day: PrivateFixture.today.adding(days: -2), hour: 10),
                    end: LocalDateTime(day: PrivateFixture.today.adding(days: -2), hour: 11), registration: .desk),
        ])
        let fixture = try PrivateFixture(sql: """
            INSERT INTO event_registration (patron_card, registered_by, event_id, session_id, status, registered_at) VALUES
              ('24200000000001', '24200000000001', 'passe', 'p1', 'confirmed', '2025-03-20T10:00:00'),
              ('24200000000001', '24200000000001', 'atelier', 's1', 'confirmed', '2025-03-20T10:00:00'),
              ('24200000000001', '24200000000001', 'parti-depuis', 's9', 'refused', '2025-03-21T10:00:00');
            """, feed: [Self.atelier, past])
        defer { fixture.remove() }
        let summary = try fixture.page(PrivateFixture.anne, "synthese.html")
        #expect(summary.contains("Atelier BD") && !summary.contains("Conte passé") && !summary.contains("parti-depuis"))
        #expect(try fixture.page(PrivateFixture.anne, "inscriptions.html").contains("Conte passé"))
    }
}
