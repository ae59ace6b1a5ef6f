import Foundation

/// A patron's `calendrier.ics`: loan due dates (all-day), pickup deadlines of
/// available holds, and confirmed (or waitlisted, as TENTATIVE) sessions, for
/// the patron's own account and each shared account, labelled with the member's
/// first name.
///
/// UIDs are stable per loan, hold and registration, and SEQUENCE follows the
/// loan's renewals, so a renewal moves the event instead of adding one. DTSTAMP
/// comes from the data (never the build's clock).
struct PersonalCalendar {
    let content: SiteContent
    let sessions: SessionCalendarEvent

    func calendar(for bundle: PatronBundle, url: String?) -> ICalendar {
        var events: [ICalendarEvent] = []
        for (index, account) in bundle.accounts.enumerated() {
            let owner = index == 0 ? "" : Wording.Calendar.owner(firstName: account.patron.firstName)
            events += account.loans.map { loan(for: $0, owner: owner) }
            events += account.holds.compactMap { pickup(for: $0, owner: owner) }
            events += account.registrations.compactMap { registration(for: $0, owner: owner) }
        }
        return ICalendar(
            productID: "-//Mediatheque//Mon compte//FR", name: Wording.Calendar.personalName(network: content.config.networkName),
            description: Wording.Calendar.personalDescription,
            url: url, refreshInterval: .seconds(content.config.calendarRefreshHours * 3600),
            timeZone: sessions.zone, events: events.sorted { $0.uid < $1.uid })
    }

    private func midnight(_ day: Day) -> Date { LocalDateTime(day: day).instant(in: sessions.zone) }

    private func loan(for loan: Loan, owner: String) -> ICalendarEvent {
        let rules = content.config.rules
        let lines = Wording.Calendar.loanLines(loan, state: loan.state(today: content.today, rules: rules),
                                               renewal: loan.renewal(today: content.today, rules: rules), rules: rules)
        return ICalendarEvent(
            uid: "loan-\(loan.id)@\(sessions.uidDomain)", stamp: midnight(loan.borrowedOn), sequence: loan.renewals,
            timing: .day(loan.dueOn), summary: Wording.Calendar.loanSummary(loan) + owner,
            description: lines.joined(separator: "\n"), location: loan.library.name)
    }

    private func pickup(for hold: Hold, owner: String) -> ICalendarEvent? {
        guard case .available(let on, let until) = hold.state else { return nil }
        return ICalendarEvent(
            uid: "hold-\(hold.id)@\(sessions.uidDomain)", stamp: midnight(on), sequence: 0,
            timing: .day(until), summary: Wording.Calendar.pickupSummary(hold) + owner,
            description: Wording.Calendar.pickupDescription(hold, on: on, until: until),
            location: hold.pickupLibrary.name)
    }

    private func registration(for registration: Registration, owner: String) -> ICalendarEvent? {
        guard registration.status == .confirmed || registration.status == .waitlisted,
              let (event, session) = content.session(SessionKey(eventID: registration.eventID, sessionID: registration.sessionID))
        else { return nil }
        var vevent = sessions.make(event, session, status: registration.status == .waitlisted ? .tentative : .confirmed,
                                   uid: "registration-\(registration.id)@\(sessions.uidDomain)",
                                   extraLines: [Wording.Calendar.registration(registration.status)])
        vevent.summary += owner
        vevent.stamp = registration.registeredAt.instant(in: sessions.zone)
        return vevent
    }
}
