/// Dates written out in French, as the agenda's headings show them:
/// "Vendredi 28 mars 2025", "Samedi 1er mars 2025", "Mars 2025".
///
/// Computed from ``Day`` alone: no `Locale`, no `DateFormatter`, so the words do
/// not depend on the machine that builds.
enum FrenchDate {
    static let weekdays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    static let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                         "septembre", "octobre", "novembre", "décembre"]

    /// "vendredi 28 mars 2025" ("1er" for the first day of a month).
    static func long(_ day: Day) -> String {
        "\(weekdays[day.weekday - 1]) \(dayOfMonth(day)) \(months[day.month - 1]) \(day.year)"
    }

    /// "28 mars 2025" ("1er mars 2025"), within a sentence.
    static func date(_ day: Day) -> String { "\(short(day)) \(day.year)" }

    /// "Vendredi 28 mars 2025", for a heading.
    static func heading(_ day: Day) -> String { capitalized(long(day)) }

    /// "Mars 2025".
    static func month(year: Int, month: Int) -> String { capitalized("\(months[month - 1]) \(year)") }

    /// "28 mars 2025" ("1er mars 2025").
    static func dayMonthYear(_ day: Day) -> String { "\(short(day)) \(day.year)" }

    /// "28 mars" ("1er mars").
    static func short(_ day: Day) -> String { "\(dayOfMonth(day)) \(months[day.month - 1])" }

    private static func dayOfMonth(_ day: Day) -> String { day.day == 1 ? "1er" : String(day.day) }

    private static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
