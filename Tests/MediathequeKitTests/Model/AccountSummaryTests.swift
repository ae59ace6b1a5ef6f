import Testing
@testable import MediathequeKit

struct AccountSummaryTests {
    let today = Fixtures.day("2023-10-06")

    func lines(_ dues: [String]) -> [String] { AccountSummary.loanLines(dueDates: dues.map(Fixtures.day), today: today) }

    @Test func theGuidesOwnAccount() {
        #expect(lines(["2023-09-29", "2023-09-29", "2023-09-29", "2023-10-06", "2023-10-06"]) ==
                ["Vous avez emprunté 5 documents", "3 sont en retard", "2 autres sont à rendre aujourd'hui"])
        #expect(AccountSummary.holdLines(available: 1, total: 3) ==
                ["Vous avez réservé 3 documents", "1 est disponible", "2 autres sont en attente"])
    }

    @Test func theGuidesSharedAccounts() {
        #expect(lines(["2023-10-07"]) == ["Vous avez emprunté 1 document", "1 est à rendre demain"])
        #expect(lines(["2023-10-13", "2023-10-20"]) == ["Vous avez emprunté 2 documents", "1 est à rendre le 13/10/2023"])
        #expect(AccountSummary.holdLines(available: 0, total: 0) == ["Vous n'avez pas de réservation"])
    }

    /// The summary, a document read any day after its situation's, names the day:
    /// today's loans and the next ones alike, "à rendre le …", never "aujourd'hui" or "demain".
    @Test func aKeptDocumentNamesTheDay() {
        func kept(_ dues: [String]) -> [String] {
            AccountSummary.loanLines(dueDates: dues.map(Fixtures.day), today: today, reading: .kept)
        }
        #expect(kept(["2023-09-29", "2023-10-06", "2023-10-06", "2023-10-07"]) ==
                ["Vous avez emprunté 4 documents", "1 est en retard", "2 autres sont à rendre le 06/10/2023"])
        #expect(kept(["2023-10-07"]) == ["Vous avez emprunté 1 document", "1 est à rendre le 07/10/2023"])
        #expect(kept(["2023-10-05"]) == ["Vous avez emprunté 1 document", "1 est en retard"])
        #expect(kept([]) == ["Vous n'avez pas d'emprunt en cours"])
    }

    @Test func singularAndPluralEverywhere() {
        #expect(lines(["2023-10-05"]) == ["Vous avez emprunté 1 document", "1 est en retard"])
        #expect(lines(["2023-10-06"]) == ["Vous avez emprunté 1 document", "1 est à rendre aujourd'hui"])
        #expect(lines(["2023-10-05", "2023-10-06"]) ==
                ["Vous avez emprunté 2 documents", "1 est en retard", "1 autre est à rendre aujourd'hui"])
        #expect(lines(["2023-10-05", "2023-10-07", "2023-10-07"]) ==
                ["Vous avez emprunté 3 documents", "1 est en retard", "2 autres sont à rendre demain"])
        #expect(lines(["2023-10-20", "2023-10-20"]) == ["Vous avez emprunté 2 documents", "2 sont à rendre le 20/10/2023"])
        #expect(lines([]) == ["Vous n'avez pas d'emprunt en cours"])
        #expect(AccountSummary.holdLines(available: 1, total: 1) == ["Vous avez réservé 1 document", "1 est disponible"])
        #expect(AccountSummary.holdLines(available: 2, total: 2) == ["Vous avez réservé 2 documents", "2 sont disponibles"])
        #expect(AccountSummary.holdLines(available: 0, total: 2) == ["Vous avez réservé 2 documents", "2 sont en attente"])
        #expect(AccountSummary.holdLines(available: 2, total: 3) ==
                ["Vous avez réservé 3 documents", "2 sont disponibles", "1 autre est en attente"])
    }
}
