/// The words of the calendars: the patron's `calendrier.ics` (the agenda's events
/// are worded as on its pages).
extension Wording {
    public enum Calendar {
        public static let personalDescription = "Retours de prêts, réservations à retirer et inscriptions aux animations"

        public static func personalName(network: String) -> String { "Mon compte — \(network)" }

        /// After an event's title on a holder's calendar: whose account it is.
        public static func owner(firstName: String) -> String { " (\(firstName))" }

        public static func loanSummary(_ loan: Loan) -> String { "À rendre : \(loan.document.title)" }

        /// A loan's description: where and when it is due, its state, and whether it can be renewed.
        public static func loanLines(_ loan: Loan, state: LoanState, renewal: Renewal, rules: Rules) -> [String] {
            let renewing = renewal.refusal.map { $0 == .notRenewable ? $0.reason : "Prolongation impossible : \($0.reason)" }
                ?? "Prolongeable \(times(rules.maxRenewals - loan.renewals)) depuis votre espace personnel"
            return ["Retour le \(loan.dueOn.french) à \(loan.library.name)", "État : \(state.label)",
                    "Code-barres : \(loan.barcode)", renewing]
        }

        public static func pickupSummary(_ hold: Hold) -> String { "Dernier jour pour retirer : \(hold.document.title)" }

        public static func pickupDescription(_ hold: Hold, on: Day, until: Day) -> String {
            "Réservation disponible depuis le \(on.french) à \(hold.pickupLibrary.name), jusqu'au \(until.french)."
        }

        public static func registration(_ status: Registration.Status) -> String { "Inscription : \(status.label)" }
    }
}
