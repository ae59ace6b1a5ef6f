/// Small French phrases of the private pages.
enum PrivateWording {
    static let notGiven = "Non renseigné"

    static func yesNo(_ value: Bool) -> String { value ? "Oui" : "Non" }

    /// "1 document", "3 documents", "0 document" (French: zero is singular).
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(n <= 1 ? singular : plural ?? singular + "s")"
    }

    /// A whole number in words for the sentences of the guide ("trois mois"); digits beyond 24.
    static func number(_ n: Int) -> String {
        let words = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
                     "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf", "vingt",
                     "vingt et un", "vingt-deux", "vingt-trois", "vingt-quatre"]
        return words.indices.contains(n) ? words[n] : String(n)
    }

    /// "Afin de respecter le RGPD ..., l'historique de vos prêts s'affiche pendant trois mois ...".
    static func historyNotice(months: Int) -> String {
        "Afin de respecter le RGPD (la protection des données personnelles), l'historique de vos prêts s'affiche pendant \(number(months)) mois dans votre dossier lecteur."
    }

    /// The heading of an account on the holder's pages: the guide's "Mon compte", or the member's name.
    static func accountHeading(_ account: Account, isOwn: Bool) -> String {
        isOwn ? "Mon compte" : PrivateText.clean(account.patron.displayName)
    }

    /// A document's kind, authors and year as the catalogue shows them: 'Vidéo | Carrié, Stéphane. Auteur | 2022'.
    static func facts(of document: Document) -> String {
        [document.kind, document.authors, document.year.map(String.init)].compactMap { $0 }
            .map(PrivateText.clean).joined(separator: " | ")
    }
}
