import Testing
@testable import MediathequeKit

/// Each way a patron folder's decision can go, without a build: what whole builds prove of
/// the published bundle's folders (``IncrementalBuildTests``) rests on these.
struct FolderDecisionTests {
    static let today = Day(iso: "2026-12-06")!
    /// A folder rendered two days ago whose states change in three days.
    static let line = BuildManifest.Folder(digest: "d", files: ["index.html", "synthese.pdf"],
                                           renderedOn: today.adding(days: -2), changesOn: today.adding(days: 3))

    static func basis(sameSalt: Bool = true, today: Day = today) -> FolderDecision.Basis {
        .init(sameSalt: sameSalt, today: today)
    }

    /// Its dated files included: they state the day it was rendered for, still true.
    @Test func anUnchangedFolderIsKeptWhole() {
        #expect(FolderDecision(published: Self.line, digest: "d", basis: Self.basis()) == .keep(Self.line))
    }

    @Test func aFolderOfAnotherSaltOrWithoutALineIsRendered() {
        #expect(FolderDecision(published: Self.line, digest: "d", basis: Self.basis(sameSalt: false)) == .render)
        #expect(FolderDecision(published: nil, digest: "d", basis: Self.basis()) == .render)
    }

    @Test func aFolderWhoseRowsOrReadingsChangedIsRendered() {
        #expect(FolderDecision(published: Self.line, digest: "e", basis: Self.basis()) == .render)
        #expect(FolderDecision(published: Self.line, digest: "e", basis: Self.basis(today: Self.today.adding(days: -1))) == .render)
    }

    /// It is kept from the day it was rendered for until the day before the first of its
    /// states changes; never for a day before it was rendered.
    @Test func aFolderIsKeptOnlyWithinItsHorizon() {
        for days in -3...4 {
            let decision = FolderDecision(published: Self.line, digest: "d", basis: Self.basis(today: Self.today.adding(days: days)))
            #expect(decision == ((-2..<3).contains(days) ? .keep(Self.line) : .render), "\(days) days")
        }
        let forever = BuildManifest.Folder(digest: "d", files: ["index.html"], renderedOn: Self.today, changesOn: nil)
        #expect(FolderDecision(published: forever, digest: "d", basis: Self.basis(today: Self.today.adding(days: 4000))) == .keep(forever))
    }

    @Test func foldersAreKeptOnlyOnTheSameSalt() {
        #expect(Self.basis().keepsFolders)
        #expect(!Self.basis(sameSalt: false).keepsFolders)
    }
}
