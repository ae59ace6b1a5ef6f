/// "Votre compte en bref": the sentences the guide shows for one account.
///
/// ```
/// Vous avez emprunté 5 documents      Vous avez réservé 3 documents
/// 3 sont en retard                    1 est disponible
/// 2 autres sont à rendre aujourd'hui  2 autres sont en attente
/// ```
///
/// Kept (the summary, ``Reading``), it names the day instead: "2 autres sont à rendre le 30/03/2025".
public struct AccountSummary: Hashable, Sendable {
    public var loanLines: [String]
    public var holdLines: [String]

    public init(loans: [Loan], holds: [Hold], today: Day, reading: Reading = .live) {
        loanLines = AccountSummary.loanLines(dueDates: loans.map(\.dueOn), today: today, reading: reading)
        holdLines = AccountSummary.holdLines(available: holds.filter(\.isAvailable).count, total: holds.count)
    }

    /// The headline first, then late loans, loans due today, and the next due date; kept,
    /// late loans and the next due date, today's included, named by its day.
    static func loanLines(dueDates: [Day], today: Day, reading: Reading = .live) -> [String] {
        guard !dueDates.isEmpty else { return ["Vous n'avez pas d'emprunt en cours"] }
        var lines = ["Vous avez emprunté \(Wording.count(dueDates.count, "document"))"]
        let late = dueDates.filter { $0 < today }.count
        if late > 0 { lines.append(clause(late, other: false, "en retard")) }
        // Live, today's loans have a line of their own; kept, they are the next due day's.
        if reading == .live {
            let dueToday = dueDates.filter { $0 == today }.count
            if dueToday > 0 { lines.append(clause(dueToday, other: late > 0, "à rendre aujourd'hui")) }
        }
        let firstNext = reading == .live ? today.adding(days: 1) : today
        if let next = dueDates.filter({ $0 >= firstNext }).min() {
            let when = reading == .live && next == today.adding(days: 1) ? "à rendre demain" : "à rendre le \(next.french)"
            let n = dueDates.filter { $0 == next }.count
            lines.append(clause(n, other: lines.count > 1, when))
        }
        return lines
    }

    static func holdLines(available: Int, total: Int) -> [String] {
        guard total > 0 else { return ["Vous n'avez pas de réservation"] }
        var lines = ["Vous avez réservé \(Wording.count(total, "document"))"]
        if available > 0 { lines.append(clause(available, other: false, "disponible", agree: true)) }
        let waiting = total - available
        if waiting > 0 { lines.append(clause(waiting, other: available > 0, "en attente")) }
        return lines
    }

    /// "3 sont en retard", "1 autre est à rendre aujourd'hui", "2 sont disponibles".
    static func clause(_ n: Int, other: Bool, _ predicate: String, agree: Bool = false) -> String {
        let plural = n > 1
        let subject = other ? (plural ? "\(n) autres" : "1 autre") : String(n)
        let verb = plural ? "sont" : "est"
        return "\(subject) \(verb) \(predicate)\(agree && plural ? "s" : "")"
    }
}

extension Account {
    public func summary(today: Day, reading: Reading = .live) -> AccountSummary {
        AccountSummary(loans: loans, holds: holds, today: today, reading: reading)
    }
}
