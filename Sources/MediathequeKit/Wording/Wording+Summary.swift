/// "Synthèse de mes comptes": the words of the summary, its page and its PDF.
extension Wording {
    public enum Summary {
        public static let title = "Synthèse de mes comptes"
        public static let brief = "Votre compte en bref"
        /// Above the PDF's list of the accounts it shows.
        public static let contents = "Comptes présentés dans ce document"
        public static let noLoans = "Vous n'avez pas d'emprunt en cours"
        public static let noHolds = "Vous n'avez pas de réservation"
        public static let noRegistrations = "Vous n'avez pas d'inscription à une animation à venir"

        /// "Situation au 28/03/2025": the day the summary was made for, kept while nothing in it changes.
        public static func situation(_ today: Day) -> String { "Situation au \(today.french)" }
        /// Beside the situation's day: an old day means nothing changed since.
        public static let updates = "Ce document est mis à jour chaque nuit où votre situation change."

        /// "Mon compte — Aurore Boréale" or "Compte partagé — Hannibal Lecteur".
        public static func accountHeading(name: String, isOwn: Bool) -> String {
            isOwn ? "Mon compte — \(name)" : "Compte partagé — \(name)"
        }

        /// Where the actions the summary leaves out are: "… : https://portail.example/compte".
        public static func portal(_ url: String) -> String {
            "Pour prolonger un prêt ou annuler une réservation, rendez-vous sur votre espace personnel : \(url)"
        }

        /// Atop a page the account's section goes on to: "Mon compte — Aurore Boréale (suite)".
        public static func continued(_ heading: String) -> String { "\(heading) (suite)" }

        /// "Carte n° 24200001234567".
        public static func card(_ number: String) -> String { "Carte n° \(number)" }

        /// The PDF's subject: "Prêts, réservations et inscriptions aux animations : situation au 28/03/2025".
        public static func subject(_ today: Day) -> String {
            "Prêts, réservations et inscriptions aux animations : situation au \(today.french)"
        }

        public static func loansHeading(_ count: Int) -> String { "Prêts (\(count))" }
        public static func holdsHeading(_ count: Int) -> String { "Réservations (\(count))" }
        public static func registrationsHeading(_ count: Int) -> String { "Inscriptions aux animations (\(count))" }

        /// The columns of the summary's holds table.
        public static let holdColumns = ["Titre", "Document", "Réservé le", "Mise à disposition", "Disponible jusqu'au",
                                         "Lieu de mise à disposition", "Rang"]
        /// The columns of the summary's registrations table.
        public static let registrationColumns = ["Animation", "Début", "Fin", "Site", "Inscription"]

        /// A registration's status, with its session's when the session will not take place as planned.
        public static func registration(_ status: Registration.Status, session: Session.Status) -> String {
            switch session {
            case .scheduled: status.label
            case .cancelled: "\(status.label) (séance annulée)"
            case .postponed: "\(status.label) (séance reportée)"
            }
        }
    }
}
