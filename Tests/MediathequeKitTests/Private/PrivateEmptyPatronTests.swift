import Foundation
import Testing
@testable import MediathequeKit

/// A patron with nothing at all still gets every page, each saying so kindly.
struct PrivateEmptyPatronTests {
    @Test func everyPageSaysThereIsNothingYet() throws {
        let fixture = try PrivateFixture()
        defer { fixture.remove() }
        let files = try fixture.folderFiles(PrivateFixture.emile)
        #expect(Set(files.keys) == ["index.html", "prets.html", "reservations.html", "historique.html", "favoris/index.html",
                                    "avis.html", "inscriptions.html", "recherches.html", "profil.html", "donnees.json",
                                    "synthese.html", "calendrier.ics"])
        let page = { (file: String) in PrivateFixture.unescape(files[file]!) }
        #expect(page("index.html").contains("Vous n'avez pas d'emprunt en cours"))
        #expect(page("index.html").contains("Vous n'avez pas de réservation"))
        #expect(page("index.html").contains("Bonjour <bdi>Émile</bdi>"))
        #expect(page("prets.html").contains("Aucun prêt en cours."))
        #expect(page("reservations.html").contains("Vous n'avez pas de réservation"))
        #expect(page("historique.html").contains("Aucun prêt rendu ces trois derniers mois."))
        #expect(page("favoris/index.html").contains("Votre panier est vide."))
        #expect(page("favoris/index.html").contains("Vous n'avez pas encore de favoris."))
        #expect(page("avis.html").contains("Vous n'avez pas encore donné d'avis."))
        #expect(page("inscriptions.html").contains("Vous n'êtes inscrit(e) à aucune animation."))
        #expect(page("recherches.html").contains("Vous n'avez pas de recherche mémorisée."))
        #expect(page("profil.html").contains("<dt>Adresse électronique</dt>\n<dd dir=\"auto\">Non renseigné</dd>"))
        for (path, text) in files where path.hasSuffix(".html") {
            #expect(!text.contains("<table"), "\(path) shows an empty table")
            #expect(text.contains(#"<meta name="robots" content="noindex">"#) && text.contains(#"<meta name="referrer" content="no-referrer">"#))
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(files["donnees.json"]!.utf8)) as? [String: Any])
        for section in ["loans", "history", "holds", "reviews", "shelves", "searches", "registrations", "shared_accounts"] {
            #expect((json[section] as? [Any])?.isEmpty == true, "\(section) is not an empty list")
        }
    }

    /// A profile field is "Non renseigné" when it is blank as Foundation's `.whitespaces` has it.
    @Test(arguments: ["", " ", "\t", "\u{A0}", "\u{2003}\u{3000} \t", "\n", "\r\n", "\u{2028}", "\u{200B}",
                      "\u{FEFF}", "a", " a ", "\u{A0}x", "\u{85}"])
    func aBlankFieldIsWhatTrimmingSpacesLeavesEmpty(_ value: String) {
        #expect(PrivateProfilePageView.isBlank(value) == value.trimmingCharacters(in: .whitespaces).isEmpty)
    }
}
