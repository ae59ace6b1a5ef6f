import Foundation

/// Conversions between wall-clock times of a zone and instants, with the
/// zone's rules taken from Foundation's `TimeZone` (no clock, no locale).
extension LocalDateTime {
    /// The instant this wall-clock time names in `zone`, resolved as RFC 5545
    /// (§3.3.5) resolves local times.
    ///
    /// - A time that occurs twice (the hour repeated when summer time ends)
    ///   names its first occurrence: `2025-10-26T02:30` in Europe/Paris is
    ///   00:30 UTC (still +02:00).
    /// - A time that does not occur (the hour skipped when summer time starts)
    ///   is read with the offset in force before the gap: `2025-03-30T02:30` in
    ///   Europe/Paris is 01:30 UTC, that is 03:30 summer time.
    ///
    /// - Parameter zone: the zone of the wall clock.
    /// - Returns: the instant, to the second.
    public func instant(in zone: TimeZone) -> Date {
        let local = localSeconds
        func offset(at seconds: Int) -> Int { zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))) }
        // The offsets in force around this wall-clock time; a real zone changes
        // at most once in any two days.
        let candidates = Set([offset(at: local - 86_400), offset(at: local), offset(at: local + 86_400)])
        let valid = candidates.map { local - $0 }.filter { local - offset(at: $0) == $0 }
        if let first = valid.min() { return Date(timeIntervalSince1970: Double(first)) }
        // In a gap: the offset before it is the one in force at the earliest reading.
        let before = offset(at: local - (candidates.max() ?? 0))
        return Date(timeIntervalSince1970: Double(local - before))
    }

    /// The wall-clock time in `zone` at `instant`, truncated to the second.
    public init(_ instant: Date, in zone: TimeZone) {
        let seconds = Self.wholeSeconds(instant)
        self.init(localSeconds: seconds + zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))))
    }

    /// The UTC wall-clock time at `instant`, truncated to the second.
    public init(utc instant: Date) {
        self.init(localSeconds: Self.wholeSeconds(instant))
    }

    /// The iCalendar UTC form of an instant: `20250330T010000Z`.
    public static func utcBasic(_ instant: Date) -> String {
        LocalDateTime(utc: instant).basic + "Z"
    }

    init(localSeconds: Int) {
        let days = localSeconds >= 0 ? localSeconds / 86_400 : (localSeconds - 86_399) / 86_400
        self.init(day: Day(ordinal: days), second: localSeconds - days * 86_400)
    }

    private static func wholeSeconds(_ instant: Date) -> Int {
        let seconds = instant.timeIntervalSince1970.rounded(.down)
        // Far beyond any calendar this tool writes; keeps the conversion total.
        return Int(max(-1e15, min(1e15, seconds.isNaN ? 0 : seconds)))
    }
}

extension LocalDateTime {
    /// ISO 8601 with the offset `zone` has at this wall-clock time: `2025-03-30T14:00:00+02:00`.
    /// It names the instant of ``instant(in:)``, so a time in the hour skipped in spring
    /// keeps the offset before the change, as in the calendars.
    public func iso8601(in zone: TimeZone) -> String {
        let offset = localSeconds - Int(instant(in: zone).timeIntervalSince1970)
        let minutes = abs(offset) / 60
        return iso + (offset < 0 ? "-" : "+") + Day.pad(minutes / 60, 2) + ":" + Day.pad(minutes % 60, 2)
    }
}
