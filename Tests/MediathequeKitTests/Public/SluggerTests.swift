import Testing
@testable import MediathequeKit

struct SluggerTests {
    @Test func foldsAccentsAndSeparators() {
        #expect(Slugger.slug("Création numérique", fallback: "x") == "creation-numerique")
        #expect(Slugger.slug("Club de lecture", fallback: "x") == "club-de-lecture")
        #expect(Slugger.slug("  Jeux vidéo !! ", fallback: "x") == "jeux-video")
        #expect(Slugger.slug("Cœur & Æther, Straße", fallback: "x") == "coeur-aether-strasse")
        #expect(Slugger.slug("Łódź Çağla Yılmaz", fallback: "x") == "lodz-cagla-yilmaz")
        #expect(Slugger.slug("ＴＡＲ ﬁlms", fallback: "x") == "tar-films")
        #expect(Slugger.slug("TAR", fallback: "x") == "tar")
    }

    @Test func nothingLeftTakesTheFallback() {
        #expect(Slugger.slug("مكتبة", fallback: "categorie") == "categorie")
        #expect(Slugger.slug("図書館", fallback: "lieu") == "lieu")
        #expect(Slugger.slug("", fallback: "lieu") == "lieu")
        #expect(Slugger.slug("../..", fallback: "lieu") == "lieu")
        #expect(Slugger.slug("Manga 漫画", fallback: "x") == "manga")
    }

    @Test func longNamesAreCut() {
        let slug = Slugger.slug(String(repeating: "ab ", count: 200), fallback: "x")
        #expect(slug.count <= Slugger.maximumLength)
        #expect(!slug.hasSuffix("-"))
    }

    @Test func everySlugIsAValidPathSegment() throws {
        for name in ["<script>", "a/b", ".hidden", "\u{0}\u{7}", "é", "ü-ö", "-x-"] {
            let slug = Slugger.slug(name, fallback: "f")
            _ = try BundlePath("agenda/categories/\(slug)/index.html")
            #expect(!slug.hasPrefix("-") && !slug.hasSuffix("-"), "\(slug)")
        }
    }

    @Test func collisionsAreDisambiguatedWhateverTheOrder() {
        let names = ["Atelier", "atelier", "Atelier 2", "Ateliér", "مكتبة", "図書館"]
        let expected = ["Atelier": "atelier", "Atelier 2": "atelier-2", "Ateliér": "atelier-3", "atelier": "atelier-4",
                        "مكتبة": "categorie", "図書館": "categorie-2"]
        #expect(Slugger.assign(names, fallback: "categorie") == expected)
        #expect(Slugger.assign(names.reversed(), fallback: "categorie") == expected)
        #expect(Slugger.assign(names.shuffled(), fallback: "categorie") == expected)
        #expect(Set(expected.values).count == expected.count)
    }

    @Test func reservedSlugsAreNeverGiven() {
        #expect(Slugger.assign(["Mois"], fallback: "x", reserved: ["mois"]) == ["Mois": "mois-2"])
    }
}
