import Testing
@testable import MediathequeKit

struct LoanRulesTests {
    let today = Fixtures.day("2023-10-06")
    let rules = Rules()

    func loan(due: String, renewals: Int = 0, awaited: Bool = false) -> Loan {
        Loan(id: 1, barcode: "34200021072893", document: Fixtures.document, library: Fixtures.tarentaize,
             borrowedOn: Fixtures.day("2023-09-01"), dueOn: Fixtures.day(due), renewals: renewals, awaitedByAnother: awaited)
    }

    @Test func stateFollowsTheDueDate() {
        #expect(loan(due: "2023-10-05").state(today: today, rules: rules) == .late)
        #expect(loan(due: "2023-10-06").state(today: today, rules: rules) == .dueSoon) // due today
        #expect(loan(due: "2023-10-09").state(today: today, rules: rules) == .dueSoon) // in exactly 3 days
        #expect(loan(due: "2023-10-10").state(today: today, rules: rules) == .ongoing) // in 4 days
        #expect(LoanState.late.label == "En retard")
        #expect(LoanState.dueSoon.label == "À rendre bientôt")
        #expect(LoanState.ongoing.label == "En cours")
    }

    /// The summary, a document read any day after its situation's, marks a loan late or not.
    @Test func aKeptDocumentNeverSaysSoon() {
        #expect(loan(due: "2023-10-05").state(today: today, rules: rules, reading: .kept) == .late)
        #expect(loan(due: "2023-10-06").state(today: today, rules: rules, reading: .kept) == .ongoing)
        #expect(loan(due: "2023-10-09").state(today: today, rules: rules, reading: .kept) == .ongoing)
    }

    /// Until the day `nextChange` names, the loan reads the same every day, live or kept:
    /// its state, its renewal and the account in brief. On that day something does change.
    @Test(arguments: [Reading.live, .kept])
    func aLoanReadsTheSameUntilItsNextChange(_ read: Reading) {
        for rules in [Rules(), Rules(dueSoonDays: 0), Rules(dueSoonDays: 7)] {
            let loan = loan(due: "2023-10-20")
            func reading(_ day: Day) -> String {
                "\(loan.state(today: day, rules: rules, reading: read)) \(loan.renewal(today: day, rules: rules)) "
                    + AccountSummary.loanLines(dueDates: [loan.dueOn], today: day, reading: read).joined(separator: "/")
            }
            for offset in 0..<40 {
                let day = today.adding(days: offset)
                let change = loan.nextChange(after: day, rules: rules, reading: read)
                let until = change ?? day.adding(days: 60)
                var later = day.adding(days: 1)
                while later < until {
                    #expect(reading(later) == reading(day), "\(day.iso) → \(later.iso)")
                    later = later.adding(days: 1)
                }
                if let change { #expect(reading(change) != reading(change.adding(days: -1)), "\(change.iso)") }
            }
        }
    }

    @Test func dueSoonDaysIsASetting() {
        let week = Rules(dueSoonDays: 7)
        #expect(loan(due: "2023-10-13").state(today: today, rules: week) == .dueSoon)
        #expect(loan(due: "2023-10-14").state(today: today, rules: week) == .ongoing)
    }

    @Test func renewalOnceBeforeTheDueDateIfNobodyWaits() {
        #expect(loan(due: "2023-10-19").renewal(today: today, rules: rules) == .allowed)
        #expect(loan(due: "2023-10-06").renewal(today: today, rules: rules) == .allowed) // due today: still on time
    }

    @Test func eachRefusalHasItsReason() {
        #expect(loan(due: "2023-10-05").renewal(today: today, rules: rules) == .refused(.late))
        #expect(loan(due: "2023-10-19", renewals: 1).renewal(today: today, rules: rules) == .refused(.alreadyRenewed(limit: 1)))
        #expect(loan(due: "2023-10-19", awaited: true).renewal(today: today, rules: rules) == .refused(.awaitedByAnother))
        // Lateness is the first reason given when several hold.
        #expect(loan(due: "2023-09-29", renewals: 1, awaited: true).renewal(today: today, rules: rules).refusal == .late)
        for refusal in [RenewalRefusal.late, .alreadyRenewed(limit: 1), .awaitedByAnother, .notRenewable] {
            #expect(!refusal.reason.isEmpty)
        }
    }

    /// `max_renewals` counts: two renewals allowed, a loan renewed once may be renewed again;
    /// none allowed, no loan may, and the reason says so rather than "déjà prolongé".
    @Test func theRenewalLimitIsARule() {
        let twice = Rules(maxRenewals: 2), never = Rules(maxRenewals: 0)
        #expect(loan(due: "2023-10-19", renewals: 1).renewal(today: today, rules: twice) == .allowed)
        #expect(loan(due: "2023-10-19", renewals: 2).renewal(today: today, rules: twice) == .refused(.alreadyRenewed(limit: 2)))
        #expect(RenewalRefusal.alreadyRenewed(limit: 1).reason == "Document déjà prolongé une fois")
        #expect(RenewalRefusal.alreadyRenewed(limit: 2).reason == "Document déjà prolongé deux fois")
        #expect(loan(due: "2023-10-19").renewal(today: today, rules: never) == .refused(.notRenewable))
        #expect(RenewalRefusal.notRenewable.reason == "Prolongation non autorisée")
        #expect(loan(due: "2023-10-05").renewal(today: today, rules: never) == .refused(.late))
    }

    @Test func holdsWaitOrAreAvailable() {
        let waiting = Hold(id: 1, document: Fixtures.document, pickupLibrary: Fixtures.tarentaize,
                           placedOn: Fixtures.day("2025-02-04"), state: .waiting(rank: 2))
        let available = Hold(id: 2, document: Fixtures.document, pickupLibrary: Fixtures.tarentaize,
                             placedOn: Fixtures.day("2025-01-15"),
                             state: .available(on: Fixtures.day("2025-02-11"), until: Fixtures.day("2025-02-26")))
        #expect(waiting.isCancellableOnline && !waiting.isAvailable)
        #expect(!available.isCancellableOnline && available.isAvailable)
        #expect(waiting.state.rankLabel == "2")
        #expect(available.state.rankLabel == "Disponible")
    }
}
