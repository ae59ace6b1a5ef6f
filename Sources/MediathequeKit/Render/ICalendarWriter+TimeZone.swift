import Foundation

/// The `VTIMEZONE` of a calendar: every change of UTC offset of the zone in
/// the years its events cover, each written out as its own observance.
extension ICalendarWriter {
    /// One change of offset: a `STANDARD` or `DAYLIGHT` sub-component.
    struct Observance: Hashable, Sendable {
        var isDaylight: Bool
        /// The wall-clock time of the change, read with ``offsetFrom`` (RFC 5545 `DTSTART`).
        var onset: LocalDateTime
        var offsetFrom: Int
        var offsetTo: Int
    }

    /// The observances that describe `zone` over the whole years of `span`:
    /// first the change in force on 1 January of the first year, then every
    /// change up to the end of the last year.
    ///
    /// A zone with no change in force (UTC, Asia/Tokyo) gets one observance
    /// starting on 1 January of the first year, with the same offset on both sides.
    static func observances(of zone: TimeZone, covering span: ClosedRange<LocalDateTime>) -> [Observance] {
        func offset(_ instant: Date) -> Int { zone.secondsFromGMT(for: instant) }
        let newYear = LocalDateTime(day: Day(year: span.lowerBound.day.year, month: 1, day: 1) ?? span.lowerBound.day)
        let afterLastYear = LocalDateTime(day: Day(year: span.upperBound.day.year + 1, month: 1, day: 1)
            ?? span.upperBound.day.adding(days: 1))
        let from = newYear.instant(in: zone)
        let to = afterLastYear.instant(in: zone)

        var inForce: Observance?
        var changes: [Observance] = []
        var cursor = from.addingTimeInterval(-400 * 86_400)
        for _ in 0..<10_000 {
            guard let change = zone.nextDaylightSavingTimeTransition(after: cursor), change > cursor, change < to
            else { break }
            let before = offset(change.addingTimeInterval(-1))
            let observance = Observance(
                isDaylight: zone.isDaylightSavingTime(for: change),
                onset: LocalDateTime(localSeconds: Int(change.timeIntervalSince1970.rounded(.down)) + before),
                offsetFrom: before, offsetTo: offset(change))
            if change <= from { inForce = observance } else { changes.append(observance) }
            cursor = change
        }
        let first = inForce ?? Observance(
            isDaylight: zone.isDaylightSavingTime(for: from), onset: newYear,
            offsetFrom: offset(from), offsetTo: offset(from))
        return [first] + changes
    }

    func appendTimeZone(_ zone: TimeZone, covering span: ClosedRange<LocalDateTime>, to lines: inout ContentLines) {
        lines.append("BEGIN", "VTIMEZONE")
        lines.append("TZID", Self.escape(zone.identifier))
        lines.append("X-LIC-LOCATION", Self.escape(zone.identifier))
        for observance in Self.observances(of: zone, covering: span) {
            let kind = observance.isDaylight ? "DAYLIGHT" : "STANDARD"
            lines.append("BEGIN", kind)
            lines.append("DTSTART", observance.onset.basic)
            lines.append("TZOFFSETFROM", Self.offset(observance.offsetFrom))
            lines.append("TZOFFSETTO", Self.offset(observance.offsetTo))
            lines.append("END", kind)
        }
        lines.append("END", "VTIMEZONE")
    }
}
