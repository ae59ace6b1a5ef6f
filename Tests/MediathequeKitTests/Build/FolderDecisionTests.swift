import Testing
@testable import MediathequeKit

/// Each way a patron folder's decision can go, without a build: what whole builds prove of
/// the published bundle's folders (``IncrementalBuildTests``) rests on these.
struct FolderDecisionTests {
    static let today = Day(iso: "2026-12-06")!
    /// A folder rendered two days ago whose states change in three days; its summary was
    /// rendered five days ago, and its states change in three days too.
    static let line = BuildManifest.Folder(digest: "d", files: ["index.html", "synthese.html", "synthese.pdf"],
                                           renderedOn: today.adding(days: -2), changesOn: today.adding(days: 3),
                                           summary: .init(digest: "s", renderedOn: today.adding(days: -5), changesOn: today.adding(days: 3)))
    static let render = FolderDecision.render(keepingSummaryOf: nil)

    static func basis(sameSalt: Bool = true, today: Day = today) -> FolderDecision.Basis {
        .init(sameSalt: sameSalt, today: today)
    }

    static func digests(_ folder: String, _ summary: String = "s") -> FolderFingerprint.Digests {
        .init(folder: folder, summary: summary)
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
        #expect(FolderDecision(published: Self.line, digests: Self.digests("e", "t"), basis: Self.basis()) == Self.render)
        #expect(FolderDecision(published: Self.line, digests: Self.digests("e", "t"),
                               basis: Self.basis(today: Self.today.adding(days: -1))) == Self.render)
    }

    /// A loan leaving the history, a review, a search's new results: the rest of the folder
    /// is rendered, its summary kept, within the summary's own horizon.
    @Test func aFolderWhoseSummaryDidNotChangeKeepsIt() {
        let keeping = FolderDecision.render(keepingSummaryOf: Self.line)
        #expect(FolderDecision(published: Self.line, digests: Self.digests("e"), basis: Self.basis()) == keeping)
        for days in -6...4 {
            let decision = FolderDecision(published: Self.line, digests: Self.digests("e"), basis: Self.basis(today: Self.today.adding(days: days)))
            #expect(decision == ((-5..<3).contains(days) ? keeping : Self.render), "\(days) days")
        }
        // The public site's line, or one damaged, has no summary.
        var none = Self.line
        none.summary = nil
        #expect(FolderDecision(published: none, digests: Self.digests("e"), basis: Self.basis()) == Self.render)
        #expect(FolderDecision(published: none, digests: Self.digests("d"), basis: Self.basis()) == .keep(none))
    }

    /// It is kept from the day it was rendered for until the day before the first of its
    /// states changes; never for a day before it was rendered.
    @Test func aFolderIsKeptOnlyWithinItsHorizon() {
        for days in -3...4 {
            let decision = FolderDecision(published: Self.line, digests: Self.digests("d"), basis: Self.basis(today: Self.today.adding(days: days)))
            #expect(decision == ((-2..<3).contains(days) ? .keep(Self.line) : (-5..<3).contains(days) ? .render(keepingSummaryOf: Self.line) : Self.render),
                    "\(days) days")
        }
        let forever = BuildManifest.Folder(digest: "d", files: ["index.html"], renderedOn: Self.today, changesOn: nil,
                                           summary: .init(digest: "s", renderedOn: Self.today, changesOn: nil))
        #expect(FolderDecision(published: forever, digests: Self.digests("d"), basis: Self.basis(today: Self.today.adding(days: 4000)))
                == .keep(forever))
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
