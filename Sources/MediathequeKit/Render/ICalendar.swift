import Foundation

/// A calendar to publish as an iCalendar file (RFC 5545, with the RFC 7986
/// properties subscribers use): the public agenda, a library's or a category's
/// agenda, a patron's personal calendar.
///
/// A value only; ``ICalendarWriter`` turns it into text. Every date-time of its
/// events is a wall-clock time of ``timeZone``, and the file embeds the
/// matching `VTIMEZONE`.
///
/// ```swift
/// let calendar = ICalendar(
///     productID: "-//Médiathèques//mediatheque//FR",
///     name: "Agenda des médiathèques",
///     timeZone: TimeZone(identifier: "Europe/Paris")!,
///     events: [event])
/// let text = ICalendarWriter().render(calendar)
/// ```
public struct ICalendar: Hashable, Sendable {
    /// `PRODID`: who made the file, as `-//Owner//Product//Language`.
    public var productID: String
    /// The calendar's name (`NAME`, RFC 7986, and `X-WR-CALNAME`).
    public var name: String?
    /// What the calendar holds (`DESCRIPTION`, RFC 7986, and `X-WR-CALDESC`).
    public var description: String?
    /// Where people can see the calendar's content on the web (`URL`, RFC 7986).
    public var url: String?
    /// How often subscribers should fetch the file again
    /// (`REFRESH-INTERVAL`, RFC 7986, and `X-PUBLISHED-TTL`); whole seconds,
    /// at least one, or `nil` to say nothing.
    public var refreshInterval: Duration?
    /// The zone of every local date-time of ``events``.
    public var timeZone: TimeZone
    /// The events, written in this order.
    public var events: [ICalendarEvent]

    public init(productID: String, name: String? = nil, description: String? = nil, url: String? = nil,
                refreshInterval: Duration? = nil, timeZone: TimeZone, events: [ICalendarEvent] = []) {
        self.productID = productID
        self.name = name
        self.description = description
        self.url = url
        self.refreshInterval = refreshInterval
        self.timeZone = timeZone
        self.events = events
    }

    /// The first and last wall-clock times of the timed events (`nil` when
    /// there are none): the span the `VTIMEZONE` must cover.
    public var localSpan: ClosedRange<LocalDateTime>? {
        var low: LocalDateTime?
        var high: LocalDateTime?
        for event in events {
            guard case .local(let start, let end) = event.timing else { continue }
            low = min(low ?? start, start, end)
            high = max(high ?? end, start, end)
        }
        guard let low, let high else { return nil }
        return low...high
    }
}
