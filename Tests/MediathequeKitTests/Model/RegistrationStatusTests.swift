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
