import Testing
@testable import MediathequeKit

/// Which searches are due on a day, and the days their alert covers: from the date alone.
struct AlertWindowTests {
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    @Test func dailyIsTheDayBefore() {
        #expect(SavedSearch.Frequency.daily.window(sentOn: day("2026-12-09")) == AlertWindow(first: day("2026-12-08"), last: day("2026-12-08")))
        #expect(SavedSearch.Frequency.daily.window(sentOn: day("2027-01-01")) == AlertWindow(first: day("2026-12-31"), last: day("2026-12-31")))
    }

    @Test func weeklyOnMondaysIsTheSevenDaysBefore() {
        #expect(SavedSearch.Frequency.weekly.window(sentOn: day("2026-12-07")) == AlertWindow(first: day("2026-11-30"), last: day("2026-12-06")))
        for iso in ["2026-12-06", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11", "2026-12-12"] {
            #expect(SavedSearch.Frequency.weekly.window(sentOn: day(iso)) == nil, "\(iso) is not a Monday")
        }
    }

    @Test func monthlyOnThe1stIsThePreviousMonth() {
        #expect(SavedSearch.Frequency.monthly.window(sentOn: day("2026-12-01")) == AlertWindow(first: day("2026-11-01"), last: day("2026-11-30")))
        #expect(SavedSearch.Frequency.monthly.window(sentOn: day("2027-01-01")) == AlertWindow(first: day("2026-12-01"), last: day("2026-12-31")))
        #expect(SavedSearch.Frequency.monthly.window(sentOn: day("2028-03-01")) == AlertWindow(first: day("2028-02-01"), last: day("2028-02-29")))
        #expect(SavedSearch.Frequency.monthly.window(sentOn: day("2026-12-02")) == nil)
        #expect(SavedSearch.Frequency.monthly.window(sentOn: day("2026-12-31")) == nil)
    }

    @Test func dueFrequencies() {
        #expect(SavedSearch.Frequency.due(on: day("2026-12-09")) == [.daily])
        #expect(SavedSearch.Frequency.due(on: day("2026-12-07")) == [.daily, .weekly])
        #expect(SavedSearch.Frequency.due(on: day("2026-12-01")) == [.daily, .monthly])
        #expect(SavedSearch.Frequency.due(on: day("2027-02-01")) == [.daily, .weekly, .monthly])
    }

    /// Over two years, every day is in exactly one window of each frequency: nothing is
    /// missed, nothing is sent twice.
    @Test func windowsTileTheCalendar() {
        let start = day("2026-01-01"), end = day("2027-12-31")
        for frequency in SavedSearch.Frequency.allCases {
            var covered: [Int: Int] = [:]
            for n in 0...(start.days(to: end) + 40) {
                guard let window = frequency.window(sentOn: start.adding(days: n)) else { continue }
                var d = window.first
                while d <= window.last {
                    covered[d.ordinal, default: 0] += 1
                    d = d.adding(days: 1)
                }
            }
            var d = start
            while d <= end {
                #expect(covered[d.ordinal] == 1, "\(frequency) covers \(d) \(covered[d.ordinal] ?? 0) times")
                d = d.adding(days: 1)
            }
        }
    }

    @Test func periodsInWords() {
        #expect(Wording.Alerts.period(AlertWindow(first: day("2026-12-01"), last: day("2026-12-01"))) == "le 1er décembre 2026")
        #expect(Wording.Alerts.period(AlertWindow(first: day("2026-11-30"), last: day("2026-12-06"))) == "du 30 novembre au 6 décembre 2026")
        #expect(Wording.Alerts.period(AlertWindow(first: day("2026-12-28"), last: day("2027-01-03"))) == "du 28 décembre 2026 au 3 janvier 2027")
        #expect(Wording.Alerts.period(AlertWindow(first: day("2026-11-01"), last: day("2026-11-30"))) == "en novembre 2026")
    }
}
