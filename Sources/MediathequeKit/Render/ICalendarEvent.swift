import Foundation

/// One `VEVENT` of an ``ICalendar``: an agenda session, a due date, a pickup deadline.
///
/// Text fields are plain text; the writer cleans and escapes them.
///
/// ```swift
/// let session = ICalendarEvent(
///     uid: "bebes-lecteurs-2025-t1.s-0307-1900@mediatheques.example",
///     stamp: event.updated.instant(in: zone),
///     timing: .local(start: session.start, end: session.end),
///     summary: "Bébés lecteurs",
///     location: "Médiathèque de Tréfilerie")
/// ```
public struct ICalendarEvent: Hashable, Sendable {
    /// `UID`: stable across builds, so that a change moves the event instead of adding one.
    public var uid: String
    /// `DTSTAMP`: when this information last changed (an instant; written in UTC).
    /// Pass a value derived from the inputs, never the clock, so builds repeat.
    public var stamp: Date
    /// `SEQUENCE`: the revision number, 0 for the first; bump it on significant changes.
    public var sequence: Int
    /// When the event happens.
    public var timing: Timing
    /// `SUMMARY`: the title.
    public var summary: String
    /// `DESCRIPTION`: plain text, line breaks kept.
    public var description: String?
    /// `LOCATION`: the place, as people read it.
    public var location: String?
    /// `URL`: the page of the event.
    public var url: String?
    /// `CATEGORIES`, each trimmed; blank ones are left out.
    public var categories: [String]
    /// `STATUS`.
    public var status: Status
    /// `LAST-MODIFIED`, written in UTC when present.
    public var lastModified: Date?

    public init(uid: String, stamp: Date, sequence: Int = 0, timing: Timing, summary: String,
                description: String? = nil, location: String? = nil, url: String? = nil,
                categories: [String] = [], status: Status = .confirmed, lastModified: Date? = nil) {
        self.uid = uid
        self.stamp = stamp
        self.sequence = sequence
        self.timing = timing
        self.summary = summary
        self.description = description
        self.location = location
        self.url = url
        self.categories = categories
        self.status = status
        self.lastModified = lastModified
    }

    /// When an event happens: wall-clock times of the calendar's zone, or whole days.
    public enum Timing: Hashable, Sendable {
        /// From `start` to `end`, in the calendar's zone (`DTSTART;TZID=…`).
        /// An `end` that is not after `start` is left out: the event then ends
        /// when it starts (RFC 5545 §3.6.1).
        case local(start: LocalDateTime, end: LocalDateTime)
        /// Whole days, `first` through `last` included (`VALUE=DATE`); the file's
        /// `DTEND` is the day after `last`, as RFC 5545 wants. A `last` before
        /// `first` counts as `first`.
        case days(first: Day, last: Day)

        /// One whole day: a due date, a pickup deadline.
        public static func day(_ day: Day) -> Timing { .days(first: day, last: day) }
    }

    /// `STATUS` of an event.
    public enum Status: String, Hashable, Sendable, CaseIterable {
        case confirmed = "CONFIRMED"
        case tentative = "TENTATIVE"
        case cancelled = "CANCELLED"
    }
}
