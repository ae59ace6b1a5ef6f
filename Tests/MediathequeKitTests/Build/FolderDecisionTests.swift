import Testing
@testable import MediathequeKit

/// Each way a patron folder's decision can go, without a build: what whole builds prove of
/// the published bundle's folders (``IncrementalBuildTests``) rests on these.
struct FolderDecisionTests {
    static let today = Day(iso: "2026-12-06")!
    /// A folder whose states were rendered two days ago and change in three days, whose
    /// searches were rendered four days ago and change tomorrow, and whose summary was
    /// rendered five days ago and changes in three days.
    static let line = BuildManifest.Folder(digest: "d", rowsDigest: "r", files: ["index.html", "recherches.html", "synthese.html", "synthese.pdf"],
                                           renderedOn: today.adding(days: -2), changesOn: today.adding(days: 3),
                                           searches: .init(renderedOn: today.adding(days: -4), changesOn: today.adding(days: 1)),
                                           summary: .init(digest: "s", renderedOn: today.adding(days: -5), changesOn: today.adding(days: 3)))
    static let render = FolderDecision.render(keeping: nil)

    static func basis(sameSalt: Bool = true, today: Day = today) -> FolderDecision.Basis {
        .init(sameSalt: sameSalt, today: today)
    }

    /// A folder's digests: by default, its rows and summary the line's.
    static func digests(_ folder: String, rows: String = "r", _ summary: String = "s") -> FolderFingerprint.Digests {
        .init(folder: folder, rows: rows, summary: summary)
    }

    static func keeping(_ parts: Set<PrivateFolderLayout.Part>, of line: BuildManifest.Folder = line) -> FolderDecision {
        .render(keeping: .init(line: line, parts: parts))
    }

    /// Its dated files included: they state the day it was rendered for, still true.
    @Test func anUnchangedFolderIsKeptWhole() {
        #expect(FolderDecision(published: Self.line, digests: Self.digests("d"), basis: Self.basis()) == .keep(Self.line))
    }

    @Test func aFolderOfAnotherSaltOrWithoutALineIsRendered() {
        #expect(FolderDecision(published: Self.line, digests: Self.digests("d"), basis: Self.basis(sameSalt: false)) == Self.render)
        #expect(FolderDecision(published: nil, digests: Self.digests("d"), basis: Self.basis()) == Self.render)
    }

    @Test func aFolderWhoseRowsOrReadingsChangedIsRendered() {
        #expect(FolderDecision(published: Self.line, digests: Self.digests("e", rows: "q", "t"), basis: Self.basis()) == Self.render)
        #expect(FolderDecision(published: Self.line, digests: Self.digests("e", rows: "q", "t"),
                               basis: Self.basis(today: Self.today.adding(days: -1))) == Self.render)
    }

    /// A loan leaving the history, a review: the rest of the folder is rendered, its summary
    /// kept, within the summary's own horizon.
    @Test func aFolderWhoseSummaryDidNotChangeKeepsIt() {
        let rowsChanged = Self.digests("e", rows: "q")
        #expect(FolderDecision(published: Self.line, digests: rowsChanged, basis: Self.basis()) == Self.keeping([.summary]))
        for days in -6...4 {
            let decision = FolderDecision(published: Self.line, digests: rowsChanged, basis: Self.basis(today: Self.today.adding(days: days)))
            #expect(decision == ((-5..<3).contains(days) ? Self.keeping([.summary]) : Self.render), "\(days) days")
        }
        // The public site's line, or one damaged, has no summary, no searches and no rows' digest.
        var none = Self.line
        none.summary = nil
        none.searches = nil
        none.rowsDigest = nil
        #expect(FolderDecision(published: none, digests: rowsChanged, basis: Self.basis()) == Self.render)
        #expect(FolderDecision(published: none, digests: Self.digests("d"), basis: Self.basis()) == .keep(none))
    }

    /// A new document or event that a search shows: the searches are rendered, the rest kept.
    @Test func aSearchsNewResultsRenderTheSearchesAlone() {
        #expect(FolderDecision(published: Self.line, digests: Self.digests("e"), basis: Self.basis()) == Self.keeping([.rows, .states, .summary]))
        #expect(FolderDecision(published: Self.line, digests: Self.digests("e"), basis: Self.basis(today: Self.today.adding(days: 3)))
                == Self.keeping([.rows]))
    }

    /// With the same rows, each part is kept within its own horizon, the pages that read
    /// the rows alone on any day; the folder is kept whole while every part is.
    @Test func aFolderIsKeptOnlyWithinItsHorizon() {
        for days in -6...4 {
            let decision = FolderDecision(published: Self.line, digests: Self.digests("d"), basis: Self.basis(today: Self.today.adding(days: days)))
            var parts: Set<PrivateFolderLayout.Part> = [.rows]
            if (-2..<3).contains(days) { parts.insert(.states) }
            if (-4..<1).contains(days) { parts.insert(.searches) }
            if (-5..<3).contains(days) { parts.insert(.summary) }
            #expect(decision == (parts.count == 4 ? .keep(Self.line) : Self.keeping(parts)), "\(days) days")
        }
        let forever = BuildManifest.Folder(digest: "d", rowsDigest: "r", files: ["index.html"], renderedOn: Self.today, changesOn: nil,
                                           searches: .init(renderedOn: Self.today, changesOn: nil),
                                           summary: .init(digest: "s", renderedOn: Self.today, changesOn: nil))
        #expect(FolderDecision(published: forever, digests: Self.digests("d"), basis: Self.basis(today: Self.today.adding(days: 4000)))
                == .keep(forever))
    }

    /// Each file of a folder belongs to one part, its precompressed sibling with it.
    @Test func eachFileHasItsPart() {
        let parts: [String: PrivateFolderLayout.Part] = [
            "synthese.pdf": .summary, "synthese.html.gz": .summary,
            "index.html": .states, "prets.html.gz": .states, "inscriptions.html": .states, "calendrier.ics": .states,
            "donnees.json": .states,
            "recherches.html": .searches, "recherches/12.rss": .searches, "recherches/12.rss.gz": .searches,
            "reservations.html": .rows, "historique.html": .rows, "favoris/index.html": .rows, "favoris/3.html.gz": .rows,
            "avis.html": .rows, "profil.html": .rows,
        ]
        for (file, part) in parts { #expect(PrivateFolderLayout.part(of: file) == part, "\(file)") }
    }

    @Test func theDayADatedFileStatesIsItsPartsDay() {
        #expect(Self.line.statedDay(of: "synthese.pdf") == Self.today.adding(days: -5))
        #expect(Self.line.statedDay(of: "synthese.html.gz") == Self.today.adding(days: -5))
        #expect(Self.line.statedDay(of: "donnees.json") == Self.today.adding(days: -2))
    }

    @Test func foldersAreKeptOnlyOnTheSameSalt() {
        #expect(Self.basis().keepsFolders)
        #expect(!Self.basis(sameSalt: false).keepsFolders)
    }
}
