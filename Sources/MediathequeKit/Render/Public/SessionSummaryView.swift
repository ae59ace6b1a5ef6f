/// One coming session in a list (home, agenda, month, library, category): when,
/// what, where, and its registration status.
struct SessionSummaryView {
    var title: String
    /// "Séance annulée" or "Séance reportée", said before the title (not only struck through).
    var notice: String?
    /// The event page, at the session's row.
    var href: String
    var summary: String?
    /// "Vendredi 28 mars 2025", on lists not grouped by day (the home page).
    var dayLabel: String?
    /// `2025-03-28T19:00`, for `<time datetime>`.
    var startISO: String
    var timeLabel: String
    var library: String
    var libraryHref: String
    var categories: String?
    var audience: String?
    var status: String
    /// ``RegistrationStatus/code``, for a CSS class.
    var statusCode: String
    /// "Places restantes : 2" or "Pas de limite".
    var places: String
}

/// The sessions of one day, under a heading "Vendredi 28 mars 2025".
struct DayGroupView {
    var dayHeading: String
    /// `2025-03-28`.
    var dateISO: String
    var sessions: [SessionSummaryView]

    init(_ group: PublicPlan.DayGroup, context: PublicPageContext) {
        dayHeading = FrenchDate.heading(group.day)
        dateISO = group.day.iso
        sessions = group.sessions.map { context.summary($0, withDay: false) }
    }
}
