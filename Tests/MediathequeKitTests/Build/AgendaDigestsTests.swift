import Testing
@testable import MediathequeKit

/// What a patron folder reads of the agenda, digested: a registration reads its session, an
/// agenda search the events and which sessions are full.
struct AgendaDigestsTests {
    typealias Support = PublicTestSupport

    static let conte = Event(
        id: "conte", updated: Support.at("2025-03-01T10:00"), title: "Heure du conte", summary: "Des histoires",
        description: "Pour les petits.\n\nEt les grands.", categories: ["Jeunesse"], audience: "3-6 ans",
        conditions: "Sur inscription", contact: "04 77 00 00 00", image: .init(href: "conte.jpg", alt: "Un livre ouvert"),
        accessibility: [.motor],
        sessions: [
            Session(id: "a", library: Support.libraries["TAR"]!, start: Support.at("2025-04-02T10:00"), end: Support.at("2025-04-02T11:00"),
                    registration: .online, capacity: 2, opens: Support.at("2025-03-20T10:00")),
            Session(id: "b", library: Support.libraries["CAR"]!, start: Support.at("2025-04-09T10:00"), end: Support.at("2025-04-09T11:00"),
                    registration: .desk, capacity: 10),
        ])
    static let a = SessionKey(eventID: "conte", sessionID: "a")
    static let b = SessionKey(eventID: "conte", sessionID: "b")

    static func digests(confirmed: [SessionKey: Int] = [:], generated: String = "2025-03-27T06:00") -> AgendaDigests {
        var content = Support.content(events: [conte], confirmed: confirmed)
        content.feed.generated = Support.at(generated)
        return AgendaDigests(content: content)
    }

    @Test func aRegistrationReadsItsOwnSessionsCount() {
        let none = Self.digests(), one = Self.digests(confirmed: [Self.b: 1])
        #expect(none.session(Self.a) == one.session(Self.a))
        #expect(none.session(Self.b) != one.session(Self.b))
        #expect(none.session(Self.a) != none.session(Self.b))
        // A session the feed does not have reads nothing else.
        #expect(none.session(SessionKey(eventID: "conte", sessionID: "z")) == one.session(SessionKey(eventID: "x", sessionID: "y")))
    }

    /// A search reads which sessions are full, not how many places are left; nor when the feed was exported.
    @Test func anAgendaSearchReadsTheEventsAndTheFullSessions() {
        let none = Self.digests()
        #expect(none.searches == Self.digests(confirmed: [Self.a: 1]).searches)
        #expect(none.searches != Self.digests(confirmed: [Self.a: 2]).searches)
        #expect(none.searches == Self.digests(generated: "2025-03-28T06:00").searches)
    }

    /// Events are digested by their description: every value in the model must describe itself
    /// the same way in every process, so no dictionary, set, floating-point number or class.
    @Test func theAgendaModelDescribesItselfTheSameWayEveryRun() {
        expectDeterministicDescription(Self.conte, at: "event")
        #expect("\(Self.conte)" == "\(Self.conte)")
    }
}
