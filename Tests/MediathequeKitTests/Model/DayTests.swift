import Testing
@testable import MediathequeKit

struct DayTests {
    @Test func parsesAndFormats() throws {
        let day = try #require(Day(iso: "2023-10-13"))
        #expect(day.french == "13/10/2023")
        #expect(day.iso == "2023-10-13")
        #expect(day.basic == "20231013")
        #expect(Day(year: 1970, month: 1, day: 1)?.ordinal == 0)
    }

    @Test func refusesWhatIsNotADate() {
        for text in ["2025-02-30", "2025-13-01", "2025-1-01", "25-01-01", "2025-01-01T00:00", "", "abcd-ef-gh", "2025/01/01"] {
            #expect(Day(iso: text) == nil, "\(text)")
        }
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2100-02-29") == nil)
    }

    @Test func addsMonthsClampingToTheMonthEnd() {
        #expect(Day(iso: "2025-05-31")!.adding(months: -3).iso == "2025-02-28")
        #expect(Day(iso: "2024-05-31")!.adding(months: -3).iso == "2024-02-29")
        #expect(Day(iso: "2025-01-15")!.adding(months: -3).iso == "2024-10-15")
        #expect(Day(iso: "2025-11-30")!.adding(months: 3).iso == "2026-02-28")
    }

    @Test func countsDaysAndWeekdays() {
        let a = Day(iso: "2025-03-28")!
        #expect(a.days(to: Day(iso: "2025-04-02")!) == 5)
        #expect(a.weekday == 5) // a Friday
        #expect(a.adding(days: 4).iso == "2025-04-01")
    }

    @Test func parsesLocalTimes() throws {
        let t = try #require(LocalDateTime(iso: "2025-03-07T19:00"))
        #expect(t.frenchTime == "19:00")
        #expect(t.iso == "2025-03-07T19:00:00")
        #expect(LocalDateTime(iso: "2025-03-07T19:00:30")?.second == 30)
        #expect(LocalDateTime(iso: "2025-03-07T24:00") == nil)
        #expect(LocalDateTime(iso: "2025-03-07 19:00") == nil)
        #expect(LocalDateTime(iso: "2025-03-07T19:00") ?? t < LocalDateTime(iso: "2025-03-07T19:01")!)
    }
}
