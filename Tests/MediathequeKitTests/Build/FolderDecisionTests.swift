import Testing
@testable import MediathequeKit

/// Each way a patron folder's decision can go, without a build: what whole builds prove of
/// the published bundle's folders (``IncrementalBuildTests``) rests on these.
struct FolderDecisionTests {
    static let today = Day(iso: "2026-12-06")!
    /// A folder rendered two days ago whose states change in three days.
    static let line = BuildManifest.Folder(digest: "d", files: ["index.html", "synthese.pdf"],
                                           renderedOn: today.adding(days: -2), changesOn: today.adding(days: 3))

    static func basis(sameSalt: Bool = true, publishedOn: Day? = today) -> FolderDecision.Basis {
        .init(sameSalt: sameSalt, publishedOn: publishedOn, today: today)
    }

    @Test func anUnchangedFolderIsKeptWholeTheSameDay() {
        #expect(FolderDecision(published: Self.line, digest: "d", basis: Self.basis()) == .keep(Self.line))
    }

    @Test func anUnchangedFolderIsRefreshedOnAnotherDay() {
        let yesterday = Self.basis(publishedOn: Self.today.adding(days: -1))
        #expect(FolderDecision(published: Self.line, digest: "d", basis: yesterday) == .refresh(Self.line))
        // A published bundle without a date is of no day: its dated files are written again.
        #expect(FolderDecision(published: Self.line, digest: "d", basis: Self.basis(publishedOn: nil)) == .refresh(Self.line))
    }

    @Test func aFolderOfAnotherSaltOrWithoutALineIsRendered() {
        #expect(FolderDecision(published: Self.line, digest: "d", basis: Self.basis(sameSalt: false)) == .render)
        #expect(FolderDecision(published: nil, digest: "d", basis: Self.basis()) == .render)
    }

    @Test func aFolderWhoseRowsOrReadingsChangedIsRendered() {
        #expect(FolderDecision(published: Self.line, digest: "e", basis: Self.basis()) == .render)
        #expect(FolderDecision(published: Self.line, digest: "e", basis: Self.basis(publishedOn: Self.today.adding(days: -1))) == .render)
    }

    /// Its undated files are kept from the day they were rendered for until the day before
    /// the first of its states changes, whatever the published bundle's date.
    @Test func aFolderIsKeptOnlyWithinItsHorizon() {
        for days in -3...4 {
            let basis = FolderDecision.Basis(sameSalt: true, publishedOn: Self.today, today: Self.today.adding(days: days))
            let decision = FolderDecision(published: Self.line, digest: "d", basis: basis)
            let expected: FolderDecision = (-2..<3).contains(days) ? (days == 0 ? .keep(Self.line) : .refresh(Self.line)) : .render
            #expect(decision == expected, "\(days) days")
        }
        let forever = BuildManifest.Folder(digest: "d", files: ["index.html"], renderedOn: Self.today, changesOn: nil)
        let later = FolderDecision.Basis(sameSalt: true, publishedOn: Self.today, today: Self.today.adding(days: 4000))
        #expect(FolderDecision(published: forever, digest: "d", basis: later) == .refresh(forever))
    }

    @Test func foldersAreKeptWholeOnlyOnTheSameSaltAndDay() {
        #expect(Self.basis().keepsWholeFolders)
        #expect(!Self.basis(sameSalt: false).keepsWholeFolders)
        #expect(!Self.basis(publishedOn: Self.today.adding(days: -1)).keepsWholeFolders)
        #expect(!Self.basis(publishedOn: nil).keepsWholeFolders)
    }
}
