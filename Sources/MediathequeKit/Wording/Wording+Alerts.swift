/// The words of the e-mail alerts of followed searches (`mediatheque alerts`): the
/// subject, each search's heading and the lines the templates cannot hold. The
/// templates (`Templates/alerts/`) hold the message's sentences; names come as the
/// caller has cleaned them.
extension Wording {
    public enum Alerts {
        /// A search's name in the guide's quotes, with the no-break spaces French puts inside them.
        public static func quoted(_ name: String) -> String { "«\u{A0}\(name)\u{A0}»" }

        /// "Nouveaux résultats : « Mangas : nouveautés » (2), « Louca BD » (1)".
        public static func subject(_ searches: [(name: String, count: Int)]) -> String {
            "Nouveaux résultats : " + searches.map { "\(quoted($0.name)) (\($0.count))" }.joined(separator: ", ")
        }

        /// "2 nouveautés ajoutées au catalogue le 7 décembre 2026", "1 animation ajoutée ou
        /// modifiée dans l'agenda du 30 novembre au 6 décembre 2026".
        public static func summary(count: Int, scope: SavedSearch.Scope, window: AlertWindow) -> String {
            let plural = count > 1
            switch scope {
            case .catalogue:
                return "\(count) nouveauté\(plural ? "s" : "") ajoutée\(plural ? "s" : "") au catalogue \(period(window))"
            case .agenda:
                return "\(count) animation\(plural ? "s" : "") ajoutée\(plural ? "s" : "") ou modifiée\(plural ? "s" : "") dans l'agenda \(period(window))"
            }
        }

        /// "le 7 décembre 2026", "du 30 novembre au 6 décembre 2026", "en novembre 2026".
        public static func period(_ window: AlertWindow) -> String {
            if window.first == window.last { return "le \(FrenchDate.dayMonthYear(window.first))" }
            if window.isWholeMonth { return "en \(FrenchDate.month(year: window.first.year, month: window.first.month).lowercased())" }
            let first = window.first.year == window.last.year ? FrenchDate.short(window.first) : FrenchDate.dayMonthYear(window.first)
            return "du \(first) au \(FrenchDate.dayMonthYear(window.last))"
        }

        /// « et 3 autres », the guide's words for the results a message leaves out.
        public static func more(_ count: Int) -> String { "et \(count) autre\(count > 1 ? "s" : "")" }

        /// After an agenda result's first session: "et 2 autres séances".
        public static func otherSessions(_ count: Int) -> String { "et \(count) autre\(count > 1 ? "s" : "") séance\(count > 1 ? "s" : "")" }

        /// The List-Id's phrase: "Alertes des recherches suivies — Médiathèques de Saint-Étienne".
        public static func listName(_ networkName: String) -> String { "Alertes des recherches suivies — \(networkName)" }
    }
}
