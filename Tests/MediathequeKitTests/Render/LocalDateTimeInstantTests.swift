import Foundation
import Testing
@testable import MediathequeKit

struct LocalDateTimeInstantTests {
    let paris = RenderFixtures.paris

    private func utc(_ local: String, in zone: TimeZone) -> String {
        LocalDateTime.utcBasic(RenderFixtures.local(local).instant(in: zone))
    }

    @Test func ordinaryTimes() {
        #expect(utc("2025-01-15T10:00", in: paris) == "20250115T090000Z")
        #expect(utc("2025-07-01T10:00", in: paris) == "20250701T080000Z")
        #expect(utc("2025-03-07T19:00", in: paris) == "20250307T180000Z")
        #expect(utc("2025-01-01T00:30", in: paris) == "20241231T233000Z")
    }

    /// 2025-03-30 in Paris: clocks go from 02:00 to 03:00; 02:xx does not exist
    /// and is read with the offset before the gap (RFC 5545 §3.3.5).
    @Test func springForwardGap() {
        #expect(utc("2025-03-30T01:59", in: paris) == "20250330T005900Z")
        #expect(utc("2025-03-30T02:00", in: paris) == "20250330T010000Z")
        #expect(utc("2025-03-30T02:30", in: paris) == "20250330T013000Z")
        #expect(utc("2025-03-30T02:59", in: paris) == "20250330T015900Z")
        #expect(utc("2025-03-30T03:00", in: paris) == "20250330T010000Z")
        #expect(utc("2025-03-30T10:00", in: paris) == "20250330T080000Z")
    }

    /// 2025-10-26 in Paris: clocks go from 03:00 back to 02:00; 02:xx happens
    /// twice and names its first occurrence (still summer time).
    @Test func fallBackOverlap() {
        #expect(utc("2025-10-26T01:59", in: paris) == "20251025T235900Z")
        #expect(utc("2025-10-26T02:00", in: paris) == "20251026T000000Z")
        #expect(utc("2025-10-26T02:30", in: paris) == "20251026T003000Z")
        #expect(utc("2025-10-26T02:59", in: paris) == "20251026T005900Z")
        #expect(utc("2025-10-26T03:00", in: paris) == "20251026T020000Z")
        #expect(utc("2025-10-26T10:00", in: paris) == "20251026T090000Z")
    }

    /// The examples of RFC 5545 §3.3.5, and zones with odd offsets.
    @Test func otherZones() {
        let newYork = TimeZone(identifier: "America/New_York")!
        #expect(utc("2007-11-04T01:30", in: newYork) == "20071104T053000Z")
        #expect(utc("2007-03-11T02:30", in: newYork) == "20070311T073000Z")
        #expect(utc("2025-06-01T12:00", in: TimeZone(identifier: "Asia/Kolkata")!) == "20250601T063000Z")
        let lordHowe = TimeZone(identifier: "Australia/Lord_Howe")!  // summer time is 30 minutes
        #expect(utc("2025-04-06T01:45", in: lordHowe) == "20250405T144500Z")
        #expect(utc("2025-10-05T02:15", in: lordHowe) == "20251004T154500Z")
        #expect(utc("2025-06-01T12:00", in: TimeZone(identifier: "UTC")!) == "20250601T120000Z")
    }

    /// Every minute of both change days comes back to itself, except the skipped hour,
    /// which moves one hour on.
    @Test func roundTripsEveryMinuteOfTheChangeDays() {
        for day in ["2025-03-30", "2025-10-26"].map(RenderFixtures.day) {
            for minute in 0..<(24 * 60) {
                let local = LocalDateTime(day: day, hour: minute / 60, minute: minute % 60)
                let back = LocalDateTime(local.instant(in: paris), in: paris)
                let skipped = day.month == 3 && local.hour == 2
                #expect(back.localSeconds == local.localSeconds + (skipped ? 3600 : 0), "\(local)")
            }
        }
    }

    @Test func formatsUTC() {
        #expect(LocalDateTime.utcBasic(Date(timeIntervalSince1970: 1_743_296_400)) == "20250330T010000Z")
        #expect(LocalDateTime.utcBasic(Date(timeIntervalSince1970: 1_743_296_400.999)) == "20250330T010000Z")
        #expect(LocalDateTime.utcBasic(Date(timeIntervalSince1970: -1)) == "19691231T235959Z")
        #expect(LocalDateTime.utcBasic(Date(timeIntervalSince1970: 0)) == "19700101T000000Z")
        #expect(LocalDateTime(utc: Date(timeIntervalSince1970: 951_782_400)).iso == "2000-02-29T00:00:00")
    }
}
