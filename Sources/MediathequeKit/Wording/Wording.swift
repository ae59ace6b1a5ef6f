/// The French words of every output: pages, templates' views, calendars, feeds, the
/// summary PDF. One home for each label, so that a page, its printable twin and the
/// PDF never word the same thing differently.
///
/// - `Wording.swift`: counts, numbers, yes and no, the small words every page uses.
/// - `Wording+Loans.swift`, `+Holds`, `+Agenda`, `+Patron`: the labels of the model's
///   values (a loan's state, a refusal's reason, a session's status…), as extensions
///   of those values, named as the guide names them.
/// - `AccountSummary.swift`: "Votre compte en bref"; `FrenchDate.swift`: dates in words;
///   `Wording+Summary.swift`: the headings of "Synthèse de mes comptes".
///
/// Text from the inputs is never escaped here: each output escapes it for its format.
public enum Wording {
    /// An empty field of the profile.
    public static let notGiven = "Non renseigné"

    public static func yesNo(_ value: Bool) -> String { value ? "Oui" : "Non" }

    /// "« Du côté de chez Swann »": French quotation marks, held to the text by no-break spaces.
    public static func quoted(_ text: String) -> String { "«\u{A0}\(text)\u{A0}»" }

    /// "0 document", "1 document", "3 documents": in French, zero is singular.
    public static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(n <= 1 ? singular : plural ?? singular + "s")"
    }

    /// A whole number in words for the sentences of the guide ("trois mois"); digits beyond 24.
    public static func number(_ n: Int) -> String {
        let words = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
                     "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf", "vingt",
                     "vingt et un", "vingt-deux", "vingt-trois", "vingt-quatre"]
        return words.indices.contains(n) ? words[n] : String(n)
    }

    /// "une fois", "deux fois": how many times, as the guide says "prolongé une fois".
    public static func times(_ n: Int) -> String { "\(n == 1 ? "une" : number(n)) fois" }

    /// Whose account a link leads to, said after "Voir les prêts": "de mon compte", "de Hannibal
    /// Lecteur", "d'Aurore Boréale" (`name` is the member's, as the caller cleaned it).
    public static func whose(_ account: Account, isOwn: Bool, name: String) -> String {
        if isOwn { return "de mon compte" }
        let elides = name.first.map { "aeiouyàâéèêëîïôöùûüœ".contains($0.lowercased()) } ?? false
        return elides ? "d'\(name)" : "de \(name)"
    }

    /// The heading of an account on the holder's pages: the guide's "Mon compte", or the
    /// member's name (as the inputs have it: the caller cleans it for its format).
    public static func accountHeading(_ account: Account, isOwn: Bool) -> String {
        isOwn ? "Mon compte" : account.patron.displayName
    }
}
