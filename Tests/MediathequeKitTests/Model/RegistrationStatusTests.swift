import Testing
@testable import MediathequeKit

struct RegistrationStatusTests {
    func session(_ mode: Session.RegistrationMode, capacity: Int? = nil, opens: String? = nil, closes: String? = nil,
                 status: Session.Status = .scheduled) -> Session {
        Session(id: "s1", library: Fixtures.tarentaize, start: Fixtures.time("2025-03-07T19:00"),
                end: Fixtures.time("2025-03-07T20:30"), registration: mode, capacity: capacity,
                opens: opens.map(Fixtures.time), closes: closes.map(Fixtures.time), status: status)
    }

    let now = Fixtures.time("2025-03-01T00:00")

    /// Until the day `nextStatusChange` names, the status the build's clock (midnight) reads
    /// stays the same; whether the session is still coming changes on `endsOn`.
    @Test func aStatusStaysTheSameUntilItsNextChange() {
        let sessions = [
            session(.online, capacity: 20, opens: "2025-03-02T00:00", closes: "2025-03-05T10:00"),
            session(.online, opens: "2025-03-03T09:00"), session(.desk), session(.none),
            session(.online, opens: "2025-03-02T00:00", status: .cancelled),
            Session(id: "m", library: Fixtures.tarentaize, start: Fixtures.time("2025-03-06T20:00"),
                    end: Fixtures.time("2025-03-07T00:00"), registration: .none),
        ]
        for session in sessions {
            func status(_ day: Day) -> RegistrationStatus { session.registrationStatus(now: LocalDateTime(day: day), confirmed: 3) }
            func coming(_ day: Day) -> Bool { session.end > LocalDateTime(day: day) }
            for offset in 0..<12 {
                let day = Fixtures.day("2025-02-27").adding(days: offset)
                var later = day.adding(days: 1)
                while later <= Fixtures.day("2025-03-15") {
                    if later < session.nextStatusChange(after: day) ?? .init(ordinal: Int.max) {
                        #expect(status(later) == status(day), "\(session.id) \(day.iso) → \(later.iso)")
                    }
                    if later < session.endsOn(after: day) ?? .init(ordinal: Int.max) {
                        #expect(coming(later) == coming(day), "\(session.id) \(day.iso) → \(later.iso)")
                    }
                    later = later.adding(days: 1)
                }
            }
        }
        #expect(sessions[5].endsOn(after: Fixtures.day("2025-03-01")) == Fixtures.day("2025-03-07"))
        #expect(sessions[0].nextStatusChange(after: Fixtures.day("2025-03-01")) == Fixtures.day("2025-03-02"))
        #expect(sessions[0].nextStatusChange(after: Fixtures.day("2025-03-02")) == Fixtures.day("2025-03-06"))
    }

    @Test func everyRowOfTheTable() {
        #expect(session(.online, status: .cancelled).registrationStatus(now: now, confirmed: 0) == .cancelled)
        #expect(session(.online, status: .postponed).registrationStatus(now: now, confirmed: 0) == .postponed)
        #expect(session(.none).registrationStatus(now: Fixtures.time("2025-03-08T00:00"), confirmed: 0) == .ended)
        #expect(session(.none).registrationStatus(now: now, confirmed: 0) == .freeEntry)
        #expect(session(.desk, capacity: 12).registrationStatus(now: now, confirmed: 12) == .atDesk)
        let later = session(.online, capacity: 20, opens: "2025-03-02T10:00").registrationStatus(now: now, confirmed: 0)
        #expect(later == .opensLater(Fixtures.time("2025-03-02T10:00")))
        #expect(later.label == "Inscriptions à partir du 02/03/2025 à 10:00")
        #expect(session(.online, closes: "2025-02-28T12:00").registrationStatus(now: now, confirmed: 0) == .closed)
        #expect(session(.online, capacity: 20).registrationStatus(now: now, confirmed: 20) == .full)
        #expect(session(.online, capacity: 20).registrationStatus(now: now, confirmed: 18) == .open)
        #expect(session(.online).registrationStatus(now: now, confirmed: 500) == .open)
    }

    @Test func onlyAnOpenOnlineRegistrationCanBeUsed() {
        let all: [RegistrationStatus] = [.cancelled, .postponed, .ended, .freeEntry, .atDesk,
                                         .opensLater(now), .closed, .full, .open]
        #expect(all.filter(\.canRegister) == [.open])
        #expect(Set(all.map(\.code)).count == all.count)
    }

    @Test func openingAndClosingInstants() {
        let s = session(.online, capacity: 20, opens: "2025-02-20T10:00", closes: "2025-03-07T12:00")
        #expect(s.registrationStatus(now: Fixtures.time("2025-02-20T09:59"), confirmed: 0) == .opensLater(Fixtures.time("2025-02-20T10:00")))
        #expect(s.registrationStatus(now: Fixtures.time("2025-02-20T10:00"), confirmed: 0) == .open)
        #expect(s.registrationStatus(now: Fixtures.time("2025-03-07T11:59"), confirmed: 0) == .open)
        #expect(s.registrationStatus(now: Fixtures.time("2025-03-07T12:00"), confirmed: 0) == .closed)
        #expect(s.registrationStatus(now: Fixtures.time("2025-03-07T20:30"), confirmed: 0) == .ended)
    }

    @Test func placesRemainingNeverBelowZero() {
        #expect(session(.online, capacity: 20).placesRemaining(confirmed: 18) == 2)
        #expect(session(.online, capacity: 20).placesRemaining(confirmed: 20) == 0)
        #expect(session(.online, capacity: 20).placesRemaining(confirmed: 25) == 0)
        #expect(session(.online).placesRemaining(confirmed: 3) == nil)
        #expect(RegistrationStatus.placesLabel(2) == "Places restantes : 2")
        #expect(RegistrationStatus.placesLabel(nil) == "Pas de limite")
    }
}
