import MediathequeKit
@testable import MediathequePDF
import Testing

/// What the summary says, checked without drawing it.
@Suite("Summary PDF: content")
struct SummaryContentTests {
    let content = SummaryContent(bundle: Fixtures.family, networkName: Fixtures.networkName, today: Fixtures.today,
                                 rules: Fixtures.rules, sessions: Fixtures.session)

    @Test func ownAccountFirstThenEachSharedAccountByName() {
        // Each name isolated (FSI … PDI), as in the holder's line.
        #expect(content.accounts.map(\.heading) == [
            "Mon compte — Aurore Boréale", "Compte partagé — Zażółć Gęślą-Jaźń",
            "Compte partagé — Çağrı İnönü Şimşek", "Compte partagé — ليلى حداد", "Compte partagé — 花子 山田",
        ].map { $0.replacingOccurrences(of: "— ", with: "— \u{2068}") + "\u{2069}" })
        #expect(content.situation == "Situation au 28/03/2025")
        #expect(content.holderLine == "\u{2068}Aurore Boréale\u{2069} · carte n° 24200001234567")
    }

    /// As a kept document words them (``Reading/kept``): days named, never "demain".
    @Test func accountInBriefIsTheModelsSentences() {
        for (part, account) in zip(content.accounts, Fixtures.family.accounts) {
            let summary = account.summary(today: Fixtures.today, reading: .kept)
            #expect(part.loanLines == summary.loanLines)
            #expect(part.holdLines == summary.holdLines)
        }
    }

    @Test func loansUseTheModelsStatesAndRenewalReasons() {
        let loans = content.accounts[0].loans
        // The columns of the page's table (``LoansTable``), in its order.
        #expect(loans.columns.map(\.title) == ["Titre", "Code-barres", "Document", "Emprunté à", "Retour le", "État",
                                               "Attendu par un autre usager", "Prolongation"])
        // A document kept and read later marks a loan late or not, never "À rendre bientôt".
        #expect(loans.rows.map { $0.cells[5] } == ["En retard", "En retard", "En cours", "En cours", "En cours"])
        #expect(loans.rows.map(\.isLate) == [true, true, false, false, false])
        #expect(loans.rows.map { $0.cells[6] } == ["Non", "Non", "Oui", "Non", "Non"])
        #expect(loans.rows.map { $0.cells[7] } == [
            "Document en retard : prolongation impossible", "Document en retard : prolongation impossible",
            "Document réservé par un autre usager", "Possible", "Document déjà prolongé une fois",
        ])
        #expect(loans.legend != nil)
        #expect(content.accounts[1].loans.legend == nil)
    }

    /// `max_renewals` is the network's rule: the PDF counts what it allows, as the pages do.
    @Test(arguments: [0, 1, 2])
    func theRenewalLimitIsTheSetting(limit: Int) {
        let content = SummaryContent(bundle: Fixtures.family, networkName: Fixtures.networkName, today: Fixtures.today,
                                     rules: Rules(maxRenewals: limit), sessions: Fixtures.session)
        let late = "Document en retard : prolongation impossible", awaited = "Document réservé par un autre usager"
        // Own loans, soonest due first: two late (one renewed once), one awaited, one never renewed, one renewed once.
        let expected = switch limit {
        case 0: [late, late, "Prolongation non autorisée", "Prolongation non autorisée", "Prolongation non autorisée"]
        case 1: [late, late, awaited, "Possible", "Document déjà prolongé une fois"]
        default: [late, late, awaited, "Possible", "Possible"]
        }
        #expect(content.accounts[0].loans.rows.map { $0.cells[7] } == expected)
    }

    @Test func holdsShowAvailabilityThenRank() {
        let holds = content.accounts[0].holds
        #expect(holds.columns.map(\.title) == ["Titre", "Document", "Réservé le", "Mise à disposition",
                                               "Disponible jusqu'au", "Lieu de mise à disposition", "Rang"])
        #expect(holds.rows.map(\.cells) == [
            ["Parfaite / Caroline Kepnes", "Livre", "16/02/2025", "26/03/2025", "10/04/2025", "Tarentaize", "Disponible"],
            ["Vertèbres / Morgane Ortin", "Livre", "08/03/2025", "", "", "Tarentaize", "1"],
            ["Les secrets de la forêt", "Livre", "27/01/2025", "", "", "Carnot", "2"],
        ])
    }

    @Test func onlyComingRegistrationsStillInTheFeed() {
        let registrations = content.accounts[0].registrations
        #expect(registrations.heading == "Inscriptions aux animations (2)")
        #expect(registrations.rows.map(\.cells) == [
            ["Bébés lecteurs", "02/04/2025 09:00", "10:00", "Carnot", "Confirmée"],
            ["Club de lecture : Marcel et compagnie", "09/04/2025 19:00", "20:30", "Tréfilerie",
             "Liste d'attente (séance reportée)"],
        ])
        #expect(content.accounts[4].registrations.rows.map(\.cells) == [
            ["マンガの夜 — Nuit du manga", "17/04/2025 18:00", "18/04/2025 02:00", "Tarentaize", "Confirmée"],
        ])
    }

    @Test func emptyAccountHasItsSentences() {
        let empty = SummaryContent(bundle: Fixtures.empty, networkName: Fixtures.networkName, today: Fixtures.today,
                                   rules: Fixtures.rules, sessions: Fixtures.session).accounts[0]
        #expect(empty.tables.allSatisfy { $0.rows.isEmpty })
        #expect(empty.tables.map(\.emptyMessage) == [
            "Vous n'avez pas d'emprunt en cours", "Vous n'avez pas de réservation",
            "Vous n'avez pas d'inscription à une animation à venir",
        ])
    }

    @Test func metadataIsDatedByTheReferenceDate() {
        let metadata = content.metadata(situation: Fixtures.today)
        #expect(metadata.title == "Synthèse de mes comptes — Aurore Boréale")
        #expect(metadata.author == "Médiathèques de Saint-Étienne")
        #expect(metadata.date == "2025-03-28T00:00:00")
    }

    /// Cleaned as the pages are (the same text in both), then on one line.
    @Test func controlCharactersGoAsOnThePagesAndMarkupStaysText() {
        #expect(PDFText.printable("a\nb\tc\r\nd\u{2028}e") == "a b c d e")
        #expect(PDFText.printable("nul\u{0}cloche\u{7}fin\u{85}") == "nulclochefin")
        #expect(PDFText.printable("nul\u{0}cloche") == Text.clean("nul\u{0}cloche"))
        #expect(PDFText.printable("<b>&amp;</b>") == "<b>&amp;</b>")
        #expect(PDFText.printable("ليلى 山田 Çağrı") == "ليلى 山田 Çağrı")
    }
}
