/// A wall-clock time in the network's time zone, as the inputs write it.
///
/// Comparisons between two local times of the same zone are exact; turning one
/// into an instant (for iCalendar UTC values) needs the zone's rules and is done
/// at the edges, where `TimeZone` is available.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let day: Day
    /// Seconds since the start of `day`, 0 ..< 86 400.
    public let secondOfDay: Int

    public init(day: Day, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.day = day
        secondOfDay = hour * 3600 + minute * 60 + second
    }

    /// Parses `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 16 || bytes.count == 19, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
              let day = Day(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
              let hour = Day.number(bytes[11..<13]), let minute = Day.number(bytes[14..<16]),
              hour < 24, minute < 60
        else { return nil }
        var second = 0
        if bytes.count == 19 {
            guard bytes[16] == UInt8(ascii: ":"), let s = Day.number(bytes[17..<19]), s < 60 else { return nil }
            second = s
        }
        self.init(day: day, hour: hour, minute: minute, second: second)
    }

    public var hour: Int { secondOfDay / 3600 }
    public var minute: Int { secondOfDay / 60 % 60 }
    public var second: Int { secondOfDay % 60 }

    /// `19:00`, as the guide shows times.
    public var frenchTime: String { "\(Day.pad(hour, 2)):\(Day.pad(minute, 2))" }
    /// `2025-03-07T19:00:00`.
    public var iso: String { "\(day.iso)T\(Day.pad(hour, 2)):\(Day.pad(minute, 2)):\(Day.pad(second, 2))" }
    /// iCalendar local form: `20250307T190000`.
    public var basic: String { "\(day.basic)T\(Day.pad(hour, 2))\(Day.pad(minute, 2))\(Day.pad(second, 2))" }
    public var description: String { iso }

    /// Seconds since 1970-01-01T00:00 of the same wall clock (not an instant).
    public var localSeconds: Int { day.ordinal * 86_400 + secondOfDay }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool { a.localSeconds < b.localSeconds }
}
