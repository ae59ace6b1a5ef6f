import Testing
@testable import MediathequeKit

struct HistoryTests {
    func entry(borrowed: String, due: String, returned: String) -> HistoryEntry {
        HistoryEntry(loanID: 1, document: Fixtures.document, library: Fixtures.tarentaize, borrowedOn: Fixtures.day(borrowed),
                     dueOn: Fixtures.day(due), returnedOn: Fixtures.day(returned))
    }

    @Test func lengthAndLatenessAsTheGuideShowsThem() {
        let mobilises = entry(borrowed: "2025-01-18", due: "2025-02-08", returned: "2025-02-12")
        #expect(HistoryEntry.daysLabel(mobilises.loanDays) == "25j.")
        #expect(HistoryEntry.daysLabel(mobilises.daysLate) == "4j.")
        let cocorico = entry(borrowed: "2025-01-29", due: "2025-02-26", returned: "2025-02-04")
        #expect(cocorico.loanDays == 6 && cocorico.daysLate == 0)
        let florida = entry(borrowed: "2025-02-01", due: "2025-03-01", returned: "2025-02-01")
        #expect(florida.loanDays == 0)
    }

    @Test func theWindowIsThreeMonthsWithItsEdgeIncluded() {
        let today = Fixtures.day("2025-05-31")
        let rules = Rules()
        #expect(rules.historyStart(today: today).iso == "2025-02-28")
        #expect(entry(borrowed: "2025-02-01", due: "2025-03-01", returned: "2025-02-28").isVisible(today: today, rules: rules))
        #expect(!entry(borrowed: "2025-02-01", due: "2025-03-01", returned: "2025-02-27").isVisible(today: today, rules: rules))
        #expect(entry(borrowed: "2025-05-01", due: "2025-06-01", returned: "2025-05-31").isVisible(today: today, rules: rules))
        #expect(!entry(borrowed: "2025-05-01", due: "2025-06-01", returned: "2025-06-01").isVisible(today: today, rules: rules))
    }
}
