/// The guide's words for loans: their state, why one cannot be renewed, the loan history.
extension LoanState {
    /// The guide's "État" column.
    public var label: String {
        switch self {
        case .late: "En retard"
        case .dueSoon: "À rendre bientôt"
        case .ongoing: "En cours"
        }
    }
}

extension RenewalRefusal {
    /// The reason shown beside the red mark.
    public var reason: String {
        switch self {
        case .late: "Document en retard : prolongation impossible"
        case .alreadyRenewed(let limit): "Document déjà prolongé \(Wording.times(limit))"
        case .awaitedByAnother: "Document réservé par un autre usager"
        case .notRenewable: "Prolongation non autorisée"
        }
    }
}

extension Renewal {
    /// The loans table's "Prolongation" cell: "Possible", or the refusal's reason.
    public var label: String { refusal?.reason ?? "Possible" }
}

extension HistoryEntry {
    /// '25j.', as the guide writes lengths.
    public static func daysLabel(_ days: Int) -> String { "\(days)j." }
}

extension Wording {
    /// The caption of an account's loans table.
    public static func loansCaption(_ heading: String) -> String { "Prêts en cours — \(heading)" }

    /// The history page with nothing in its window.
    public static func noHistory(months: Int) -> String {
        "Aucun prêt rendu \(months == 1 ? "ce dernier mois" : "ces \(number(months)) derniers mois")."
    }

    /// Under a summary's loans table that has a late loan.
    public static let lateLegend = "En retard : document à rendre au plus vite ; il ne peut plus être prolongé."

    /// "Afin de respecter le RGPD ..., l'historique de vos prêts s'affiche pendant trois mois ...".
    public static func historyNotice(months: Int) -> String {
        "Afin de respecter le RGPD (la protection des données personnelles), l'historique de vos prêts s'affiche pendant \(number(months)) mois dans votre dossier lecteur."
    }
}

extension LoansTable.Column {
    /// The column's heading, as the guide's table has it.
    public var label: String {
        switch self {
        case .title: "Titre"
        case .barcode: "Code-barres"
        case .kind: "Document"
        case .library: "Emprunté à"
        case .dueOn: "Retour le"
        case .state: "État"
        case .awaited: "Attendu par un autre usager"
        case .renewal: "Prolongation"
        }
    }
}
