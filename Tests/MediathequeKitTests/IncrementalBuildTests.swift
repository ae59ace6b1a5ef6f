import Foundation
import GRDB
import MediathequePDF
import Testing
@testable import MediathequeKit

/// A rebuild keeps what did not change and gives exactly the bytes of a clean
/// build; shards built apart make up exactly one whole build.
struct IncrementalBuildTests {
    static let today = BuildTests.today

    static func build(_ out: URL, _ inputs: (database: String, agenda: String), today: Day = today,
                      shard: Shard? = nil, workers: Int = 2, pagesOnly: Bool = false, situation: Day? = nil,
                      documents: Bool = false, progress: @escaping @Sendable (BuildProgress) -> Void = { _ in }) throws -> BuildReport {
        var buildInputs = SiteBuilder.Inputs(database: inputs.database, agenda: inputs.agenda, siteDirectory: Repository.site,
                                             templatesDirectory: Repository.templates, output: out, today: today,
                                             secret: .demo, shard: shard)
        buildInputs.situationDay = situation
        var builder = SiteBuilder(inputs: buildInputs)
        // The summary PDF, where the nights' tests need it: it is the costliest file.
        if documents {
            let fonts = try SummaryFonts(folder: SiteConfiguration.fontsDirectory(in: Repository.site))
            builder.documentRenderer = { SummaryDocument(config: SiteConfiguration(), fonts: fonts) }
            builder.documentIdentity = fonts.identity()
        }
        builder.workers = workers
        builder.pagesOnly = pagesOnly
        builder.progress = progress
        return try builder.build()
    }

    /// The benchmark's pages-only build: every page of a whole build (and its precompressed
    /// sibling), byte for byte, and no other patron file; a whole build over it keeps none of its folders.
    @Test func aPagesOnlyBuildHasTheSamePagesAndIsNeverKept() throws {
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: Self.today).materialize(into: dir.url)
        let whole = dir.url.appendingPathComponent("whole")
        _ = try Self.build(whole, demo)
        let out = dir.url.appendingPathComponent("_site")
        _ = try Self.build(out, demo, pagesOnly: true)

        let pages = Self.tree(out), all = Self.tree(whole)
        func isPatronPage(_ path: String) -> Bool { path.hasPrefix("private/") && !path.hasPrefix("private/assets/") }
        func isPage(_ path: String) -> Bool { path.hasSuffix(".html") || path.hasSuffix(".html" + Precompressed.suffix) }
        #expect(pages.keys.filter(isPatronPage).allSatisfy(isPage))
        #expect(pages.filter { isPatronPage($0.key) } == all.filter { isPatronPage($0.key) && isPage($0.key) })
        #expect(pages.filter { !isPatronPage($0.key) } == all.filter { !isPatronPage($0.key) })

        let rebuilt = try Self.build(out, demo)
        #expect(rebuilt.keptFolders == 0)
        #expect(Self.tree(out) == all)
    }

    /// The published files, without the manifest kept beside them.
    static func tree(_ out: URL) -> [String: Data] {
        StagedBundleTests.snapshot(out).filter { $0.key != BuildManifest.fileName }
    }

    /// A rebuild keeps what did not change and gives exactly the bytes of a clean build. The
    /// bundle a build replaces is kept beside the new one, and the next build starts from it:
    /// folders it holds as published are neither linked nor written again, the folders of
    /// revoked tokens it still holds are gone from the build after, and what it holds that
    /// cannot be removed fails the build, which leaves the published bundle as it was.
    @Test func aRebuildKeepsWhatDidNotChangeAndStartsFromThePreviousBundle() throws {
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: Self.today).materialize(into: dir.url)
        let out = dir.url.appendingPathComponent("_site")
        let previous = URL(fileURLWithPath: out.path + PreviousBundle.suffix)
        let first = try Self.build(out, demo)
        #expect(first.keptFolders == 0)
        #expect(!FileManager.default.fileExists(atPath: previous.path))
        let linked = try Self.build(out, demo)
        #expect(linked.written == 0 && linked.keptFolders == linked.patrons && linked.privateFiles == 0 && linked.publicFiles == 0)
        #expect(Self.tree(previous) == Self.tree(out))

        let inodes = try Self.inodes(out)
        let noop = try Self.build(out, demo)
        #expect(noop.written == 0 && noop.keptFolders == noop.patrons && noop.unchanged == linked.unchanged)
        #expect(try Self.inodes(out) == inodes)

        // One patron's loans changed: his folder and Aurore's (who sees his account) are
        // rendered again; nobody else's.
        let loans = try Self.changed(demo.database, in: dir, """
            UPDATE loan SET due_on = date(due_on, '+7 days') WHERE patron_card = '24200001234568' AND returned_on IS NULL
            """)
        let rebuilt = try Self.build(out, (loans, demo.agenda))
        #expect(rebuilt.patrons - rebuilt.keptFolders == 2)
        #expect(rebuilt.written > 0)
        let clean = dir.url.appendingPathComponent("clean")
        _ = try Self.build(clean, (loans, demo.agenda), workers: 1)
        #expect(Self.tree(out) == Self.tree(clean))

        // Two links revoked and a shelf of Aurore's deleted: the previous bundle (the starting
        // point of the next build) holds the revoked folders, which no build may publish again,
        // and the changed folders as they were.
        let revoked = try Self.changed(loans, in: dir, """
            UPDATE patron SET feed_key_version = feed_key_version + 1
            WHERE card_number IN (SELECT card_number FROM patron ORDER BY card_number DESC LIMIT 2);
            DELETE FROM shelf_entry WHERE shelf_id = 6; DELETE FROM shelf WHERE id = 6
            """)
        let cleanRevoked = dir.url.appendingPathComponent("clean-revoked")
        _ = try Self.build(cleanRevoked, (revoked, demo.agenda), workers: 1)
        let rebuiltRevoked = try Self.build(out, (revoked, demo.agenda))
        #expect(rebuiltRevoked.patrons - rebuiltRevoked.keptFolders == 3)
        #expect(Self.differences(Self.tree(out), Self.tree(cleanRevoked)).isEmpty)
        // The bundle just replaced, kept as the next starting point, no longer holds them either.
        #expect(try Self.patronFolders(previous).isSubset(of: Self.patronFolders(out)))
        let again = try Self.build(out, (revoked, demo.agenda))
        #expect(again.written == 0 && again.keptFolders == again.patrons)
        #expect(Self.differences(Self.tree(out), Self.tree(cleanRevoked)).isEmpty)
        #expect(Self.differences(Self.tree(previous), Self.tree(cleanRevoked)).isEmpty)

        // Deeper than the removal goes (it stops at 64 levels rather than recurse without end).
        let before = Self.tree(out)
        let deep = (0..<70).map { "d\($0)" }.joined(separator: "/")
        let stray = previous.appendingPathComponent("private/0000000000000000/\(deep)")
        try FileManager.default.createDirectory(at: stray, withIntermediateDirectories: true)
        #expect { try Self.build(out, (revoked, demo.agenda)) } throws: { "\($0)".contains("cannot remove what the previous bundle left there") }
        #expect(Self.tree(out) == before)
    }

    /// The patron folders of a bundle.
    static func patronFolders(_ out: URL) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("private").path).filter { $0 != "assets" && $0 != PrivateRootPage.fileName })
    }

    /// A kept folder whose files went missing from the published bundle is rendered again.
    /// Then the two bundles take turns as the starting point: a file lost from either, the
    /// published one or the one kept beside it, is never missing from a later build.
    @Test func aFileLostFromEitherBundleIsNeverMissingFromTheNext() throws {
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: Self.today).materialize(into: dir.url)
        let out = dir.url.appendingPathComponent("_site")
        let previous = URL(fileURLWithPath: out.path + PreviousBundle.suffix)
        let first = try Self.build(out, demo)
        // A clean build's bytes, which every build below must give.
        let clean = Self.tree(out)
        let folders = try Self.patronFolders(out).sorted()
        try FileManager.default.removeItem(at: out.appendingPathComponent("private/\(folders[3])/prets.html"))
        let rebuilt = try Self.build(out, demo)
        #expect(rebuilt.keptFolders == first.patrons - 1)
        #expect(Self.tree(out) == clean)

        // The bundle now kept beside the published one is the one that lost a file; it loses
        // a second, and the published one a third.
        try FileManager.default.removeItem(at: previous.appendingPathComponent("private/\(folders[5])/favoris/index.html"))
        try FileManager.default.removeItem(at: out.appendingPathComponent("private/\(folders[6])/prets.html"))
        // A link planted in a folder of the starting point is not published either.
        let planted = previous.appendingPathComponent("private/\(folders[7])/profil.html")
        try FileManager.default.removeItem(at: planted)
        try FileManager.default.createSymbolicLink(at: planted, withDestinationURL: URL(fileURLWithPath: demo.database))
        // Each of the two is the starting point once.
        for night in 1...2 {
            _ = try Self.build(out, demo)
            #expect(Self.differences(Self.tree(out), clean).isEmpty, "build \(night)")
            let published = out.appendingPathComponent("private/\(folders[7])/profil.html").path
            #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: published)) == nil, "build \(night)")
        }
    }

    /// Every file of a tree with its inode number.
    static func inodes(_ out: URL) throws -> [String: Int] {
        var inodes: [String: Int] = [:]
        for path in StagedBundleTests.snapshot(out).keys {
            inodes[path] = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(path).path)[.systemFileNumber] as? Int
        }
        return inodes
    }

    /// A copy of `database` changed by `sql`.
    static func changed(_ database: String, in dir: TemporaryDirectory, _ sql: String) throws -> String {
        let changed = dir.path("changed-\(UUID().uuidString).sqlite")
        try FileManager.default.copyItem(atPath: database, toPath: changed)
        let queue = try DatabaseQueue(path: changed)
        try queue.write { db in try db.execute(sql: sql) }
        try queue.close()
        return changed
    }

    /// Rebuilds `out` from a copy of the demo database changed by `sql`, and checks that it
    /// equals a clean build of the same inputs. Returns the rebuild's report.
    static func rebuild(_ out: URL, in dir: TemporaryDirectory, _ demo: (database: String, agenda: String),
                        changing sql: String) throws -> BuildReport {
        let changed = try changed(demo.database, in: dir, sql)
        let rebuilt = try build(out, (changed, demo.agenda))
        let clean = dir.url.appendingPathComponent("clean-\(UUID().uuidString)")
        _ = try build(clean, (changed, demo.agenda), workers: 1)
        #expect(tree(out) == tree(clean))
        return rebuilt
    }

    @Test func manyChangedPatronsAreReadAgainInOnePass() throws {
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: Self.today).materialize(into: dir.url)
        let out = dir.url.appendingPathComponent("_site")
        let first = try Self.build(out, demo)
        // More than a hundred patrons change: the changed ones are streamed, not fetched one by one.
        let rebuilt = try Self.rebuild(out, in: dir, demo, changing: "UPDATE patron SET phone = '04 77 00 00 00'")
        #expect(first.patrons > 100 && rebuilt.keptFolders == 0 && rebuilt.patrons == first.patrons)
    }

    @Test func aRetitledDocumentRendersTheFoldersThatShowIt() throws {
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: Self.today).materialize(into: dir.url)
        let out = dir.url.appendingPathComponent("_site")
        let first = try Self.build(out, demo)
        let rebuilt = try Self.rebuild(out, in: dir, demo, changing: """
            UPDATE document SET title = 'Titre corrigé' WHERE id = (SELECT i.document_id FROM loan l JOIN item i ON i.barcode = l.barcode
                                                                  WHERE l.returned_on IS NULL ORDER BY l.id LIMIT 1)
            """)
        #expect(rebuilt.keptFolders > 0 && rebuilt.keptFolders < first.patrons)
    }

    /// A document catalogued today renders again the folders whose catalogue searches show
    /// it, its feed listing it, and no other; one that no search matches renders none.
    @Test func aNewDocumentRendersOnlyTheFoldersWhoseSearchesShowIt() throws {
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: Self.today).materialize(into: dir.url)
        let out = dir.url.appendingPathComponent("_site")
        _ = try Self.build(out, demo)
        let cleans = [Self.today: try Self.cleanTree(in: dir, demo, on: Self.today)]
        let searching = try Self.catalogueSearchers(demo.database)
        let tokens = PatronToken(secret: SiteSecret.demo.bytes)

        // A manga: Aurore's "Mangas : nouveautés" (audience Ado or Adulte) shows it, as do the
        // generated patrons' "Manga : nouveautés"; the other catalogue searches do not.
        let manga = try Self.changed(demo.database, in: dir, Self.cataloguing(900_001, "Frieren, tome 12", genre: "Manga"))
        let published = PublishedManifest(publishedAt: out)
        let aurore = out.appendingPathComponent("private/\(tokens.token(card: "24200001234567", version: 0))")
        func inodes() throws -> [String: Int] {
            var inodes: [String: Int] = [:]
            for file in try #require(published.folder(tokens.token(card: "24200001234567", version: 0))).files {
                inodes[file] = try FileManager.default.attributesOfItem(atPath: aurore.appendingPathComponent(file).path)[.systemFileNumber] as? Int
            }
            return inodes
        }
        let before = try inodes()
        let report = try Self.build(out, (manga, demo.agenda))
        try Self.expectCleanBuild(out, on: Self.today, cleans: [Self.today: try Self.cleanTree(in: dir, (manga, demo.agenda), on: Self.today)]) {
            try Self.cleanTree(in: dir, (manga, demo.agenda), on: Self.today, situation: $0)
        }
        let showing = try Self.showing(documentsAddedOn: Self.today, in: manga).flatMap(\.cards)
        let now = PublishedManifest(publishedAt: out)
        let rendered = Set(try Self.cards(manga).filter { now.folder(tokens.token(card: $0, version: 0))?.digest
            != published.folder(tokens.token(card: $0, version: 0))?.digest })
        #expect(rendered == Set(showing) && report.patrons - report.keptFolders == rendered.count)
        #expect(rendered.contains("24200001234567") && rendered.count < searching.count, "\(rendered.count) of \(searching.count)")
        let feed = try String(contentsOf: out.appendingPathComponent("private/\(tokens.token(card: "24200001234567", version: 0))/recherches/4.rss"),
                              encoding: .utf8)
        #expect(feed.contains("<title>Frieren, tome 12</title>"))
        // Of Aurore's folder, the searches alone are written again: the rest is the same files.
        let after = try inodes()
        let rewritten = Set(before.keys.filter { before[$0] != after[$0] })
        #expect(!rewritten.isEmpty && rewritten.allSatisfy { PrivateFolderLayout.part(of: $0) == .searches }, "\(rewritten.sorted())")
        // And of every folder rendered, the searches alone are rendered.
        let searchFiles = try rendered.map { card in
            try #require(now.folder(tokens.token(card: card, version: 0))).files
                .filter { PrivateFolderLayout.part(of: $0) == .searches && !$0.hasSuffix(Precompressed.suffix) }.count
        }
        #expect(report.privateFiles == searchFiles.reduce(0, +) && report.keptSummaries == rendered.count)

        // A video game, which no search follows: every folder is kept, and nothing is written.
        let game = try Self.changed(demo.database, in: dir, Self.cataloguing(900_002, "Zelda", genre: "Jeu vidéo"))
        _ = try Self.build(out, demo)
        #expect(try Self.showing(documentsAddedOn: Self.today, in: game).allSatisfy(\.cards.isEmpty))
        let kept = try Self.build(out, (game, demo.agenda))
        #expect(kept.keptFolders == kept.patrons && kept.written == 0)
        try Self.expectCleanBuild(out, on: Self.today, cleans: cleans) { try Self.cleanTree(in: dir, demo, on: Self.today, situation: $0) }
    }

    /// The SQL that catalogues a document today, with an item at Tarentaize.
    static func cataloguing(_ id: Int, _ title: String, genre: String) -> String {
        """
        INSERT INTO document (id, title, authors, kind, year, genre, audience, added_on)
          VALUES (\(id), '\(title)', 'Yamada, Kanehito. Auteur', 'Livre', 2025, '\(genre)', 'Ado', '\(today.iso)');
        INSERT INTO item (barcode, document_id, library, call_number) VALUES ('34200099\(id)', \(id), 'TAR', 'M YAM')
        """
    }

    /// Every patron's card, in card order.
    static func cards(_ database: String) throws -> [String] {
        let queue = try DatabaseQueue(path: database)
        defer { try? queue.close() }
        return try queue.read { try String.fetchAll($0, sql: "SELECT card_number FROM patron ORDER BY card_number") }
    }

    /// The cards of the patrons with an active catalogue search, and their searches.
    static func catalogueSearchers(_ database: String) throws -> [String: [SavedSearch]] {
        var searchers: [String: [SavedSearch]] = [:]
        try AccountDatabase(path: database).forEachBundle(today: today, rules: Rules()) { bundle in
            let searches = bundle.own.searches.filter { $0.active && $0.scope == .catalogue }
            if !searches.isEmpty { searchers[bundle.own.patron.cardNumber] = searches }
        }
        return searchers
    }

    /// Each document catalogued on `day`, with the cards of the patrons whose active catalogue
    /// searches match it, by the pure rules (``SavedSearchMatcher``).
    static func showing(documentsAddedOn day: Day, in database: String) throws -> [(document: Document, cards: [String])] {
        let db = try AccountDatabase(path: database)
        var documents: [Document] = []
        try db.forEachDocument { _, document in if document.addedOn == day { documents.append(document) } }
        var libraries: [Int64: [String]] = [:]
        try db.forEachItemLibrary { id, library in libraries[id, default: []].append(library) }
        let searchers = try catalogueSearchers(database)
        return documents.map { document in
            (document, searchers.keys.sorted().filter { card in
                searchers[card]!.contains { SavedSearchMatcher.matches(document, libraries: libraries[document.id] ?? [], SearchCriteria($0)) }
            })
        }
    }

    /// Documents whose ids are not whole numbers (a table declared otherwise than the contract's
    /// `INTEGER PRIMARY KEY`) cannot be found by id: a retitled one still renders the folders
    /// that show it, the same day and the next.
    @Test func aRetitledDocumentWithATextIdRendersTheFoldersThatShowIt() throws {
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: Self.today).materialize(into: dir.url)
        try Self.giveDocumentsTextIDs(demo.database)
        let out = dir.url.appendingPathComponent("_site")
        let first = try Self.build(out, demo)
        // Retitled overnight, from the same first bundle: the next day's build reads every patron's documents.
        let nightly = dir.url.appendingPathComponent("nightly")
        try FileManager.default.copyItem(at: out, to: nightly)
        let retitle = """
            UPDATE document SET title = 'Titre corrigé' WHERE id = (SELECT i.document_id FROM loan l JOIN item i ON i.barcode = l.barcode
                                                                  WHERE l.returned_on IS NULL ORDER BY l.id LIMIT 1)
            """
        let rebuilt = try Self.rebuild(out, in: dir, demo, changing: retitle)
        #expect(rebuilt.patrons == first.patrons && rebuilt.keptFolders < first.patrons)
        let tomorrow = Self.today.adding(days: 1)
        let changed = try Self.changed(demo.database, in: dir, retitle)
        _ = try Self.build(nightly, (changed, demo.agenda), today: tomorrow)
        try Self.expectCleanBuild(nightly, on: tomorrow, cleans: [Self.today: try Self.cleanTree(in: dir, demo, on: Self.today),
                                                                  tomorrow: try Self.cleanTree(in: dir, (changed, demo.agenda), on: tomorrow)]) {
            try Self.cleanTree(in: dir, (changed, demo.agenda), on: tomorrow, situation: $0)
        }
    }

    /// Declares `document.id` as text (not the contract's `INTEGER PRIMARY KEY`), its ids as texts.
    static func giveDocumentsTextIDs(_ path: String) throws {
        var config = Configuration()
        config.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: path, configuration: config)
        try queue.write { db in
            let create = try #require(try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'document'"))
            let textIDs = create.replacingOccurrences(of: "CREATE TABLE document", with: "CREATE TABLE document_text")
                .replacingOccurrences(of: "INTEGER PRIMARY KEY", with: "TEXT PRIMARY KEY")
            #expect(textIDs.contains("TEXT PRIMARY KEY"))
            try db.execute(sql: textIDs)
            try db.execute(sql: "INSERT INTO document_text SELECT * FROM document; DROP TABLE document")
            try db.execute(sql: "ALTER TABLE document_text RENAME TO document")
            #expect(try String.fetchOne(db, sql: "SELECT typeof(id) FROM document LIMIT 1") == "text")
        }
        try queue.close()
    }

    @Test func aChangedAgendaRendersOnlyTheFoldersThatReadIt() throws {
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: Self.today).materialize(into: dir.url)
        let out = dir.url.appendingPathComponent("_site")
        let first = try Self.build(out, demo)
        let feed = try String(contentsOfFile: demo.agenda, encoding: .utf8)
        let title = try #require(feed.range(of: "<title>"))
        let agenda = try dir.write("changed.xml", feed.replacingCharacters(in: title, with: "<title>Nouveau titre : "))
        let rebuilt = try Self.build(out, (demo.database, agenda))
        // Registrations and active agenda searches read the agenda; the other folders are kept.
        #expect(rebuilt.keptFolders > 0 && rebuilt.keptFolders < first.patrons && rebuilt.publicFiles > 0)
        let clean = dir.url.appendingPathComponent("clean")
        _ = try Self.build(clean, (demo.database, agenda), workers: 1)
        #expect(Self.tree(out) == Self.tree(clean))
    }

    @Test func anEditedTemplateRendersEveryFolderAgain() throws {
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: Self.today).materialize(into: dir.url)
        let templates = dir.url.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: Repository.templates, to: templates)
        let out = dir.url.appendingPathComponent("_site")
        func build() throws -> BuildReport {
            try SiteBuilder(inputs: .init(database: demo.database, agenda: demo.agenda, siteDirectory: Repository.site,
                                          templatesDirectory: templates, output: out, today: Self.today, secret: .demo)).build()
        }
        let first = try build()
        #expect(try build().keptFolders == first.patrons)
        let loans = templates.appendingPathComponent("private/prets.mustache")
        try (String(contentsOf: loans, encoding: .utf8) + "{{! edited by the staff }}\n").write(to: loans, atomically: true, encoding: .utf8)
        let edited = try build()
        #expect(edited.keptFolders == 0 && edited.publicFiles > 0)
    }

    /// Night after night, each build over the previous one's bundle gives a clean build's
    /// bytes, but for the dated files of the folders it kept (``expectCleanBuild``). A build
    /// for a day before any its bundle was rendered for renders every folder again.
    @Test func nightAfterNightARebuildEqualsACleanBuild() throws {
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: Self.today).materialize(into: dir.url)
        let out = dir.url.appendingPathComponent("_site")
        // Across due dates, registration openings and closings, an agenda search's sessions
        // ending, the history window's edge; then back to the day before the first.
        let nights = try Self.nights(out, in: dir, demo, from: Self.today, after: [2, 3, 40, 95, -1])
        #expect(nights.allSatisfy { $0.publicFiles > 0 })
        #expect(nights.contains { $0.keptFolders > 0 } && nights.contains { $0.keptFolders < $0.patrons })
        #expect(nights.last?.keptFolders == 0)
    }

    /// Builds `out` for each day `after` days from `first` in turn, each over the previous
    /// bundle, and checks each against clean builds of the same inputs (``expectCleanBuild``).
    static func nights(_ out: URL, in dir: TemporaryDirectory, _ inputs: (database: String, agenda: String),
                       from first: Day, after days: [Int], documents: Bool = false) throws -> [BuildReport] {
        _ = try build(out, inputs, today: first, documents: documents)
        var cleans = [first: try cleanTree(in: dir, inputs, on: first, documents: documents)]
        return try days.map { days in
            let day = first.adding(days: days)
            let nightly = try build(out, inputs, today: day, documents: documents)
            cleans[day] = try cleanTree(in: dir, inputs, on: day, documents: documents)
            try expectCleanBuild(out, on: day, cleans: cleans) { try cleanTree(in: dir, inputs, on: day, situation: $0, documents: documents) }
            return nightly
        }
    }

    /// The files of a clean build of `inputs` for `day`, on one thread; its dated files state
    /// `situation` when given (``SiteContent/situationDay``).
    static func cleanTree(in dir: TemporaryDirectory, _ inputs: (database: String, agenda: String), on day: Day,
                          situation: Day? = nil, documents: Bool = false) throws -> [String: Data] {
        let clean = dir.url.appendingPathComponent("clean-\(UUID().uuidString)")
        _ = try build(clean, inputs, today: day, workers: 1, situation: situation, documents: documents)
        defer { try? FileManager.default.removeItem(at: clean) }
        return tree(clean)
    }

    /// What "the same bytes as a clean build" means for a bundle built night after night: a
    /// kept folder's dated files (``PrivateFolderLayout/datedFiles``, and their precompressed
    /// siblings) state the day its manifest line says it was rendered for, a kept summary's
    /// (``PrivateFolderLayout/summaryFiles``) the day the line says the summary was rendered
    /// for (``BuildManifest/Folder/statedDay(of:)``), and are the bytes a clean build of that
    /// night's inputs wrote that day; every other file is the bytes of a clean build for
    /// `day`. `cleans` holds the clean builds' files by day.
    ///
    /// And what keeping them rests on: they are also the bytes a clean build for `day` writes
    /// when its dated files state that earlier day (`situated`, a clean build of `day` whose
    /// dated files state the day given): nothing in them but the day they state is older than `day`.
    static func expectCleanBuild(_ out: URL, on day: Day, cleans: [Day: [String: Data]],
                                 situated: (Day) throws -> [String: Data],
                                 sourceLocation: SourceLocation = #_sourceLocation) throws {
        let manifest = PublishedManifest(publishedAt: out)
        let built = tree(out)
        var situatedTrees: [Day: [String: Data]] = [:]
        let differing = try Set(built.keys).union(cleans[day]!.keys).sorted().filter { path in
            let parts = path.split(separator: "/")
            guard parts.count == 3, parts[0] == "private", let folder = manifest.folder(String(parts[1])),
                  PrivateFolderLayout.datedFiles.contains(String(Precompressed.original(of: String(parts[2])))),
                  case let stated = folder.statedDay(of: String(parts[2])), stated != day else {
                return built[path] != cleans[day]![path]
            }
            #expect(stated < day, "\(path) rendered on \(stated.iso)", sourceLocation: sourceLocation)
            if situatedTrees[stated] == nil { situatedTrees[stated] = try situated(stated) }
            return built[path] != cleans[stated]?[path] || built[path] != situatedTrees[stated]?[path]
        }
        #expect(differing.isEmpty, "\(day.iso): \(differing.prefix(5))", sourceLocation: sourceLocation)
    }

    /// The benchmark's next night (``nextNight(_:in:on:)``): only the folders of the patrons
    /// who did something, of the holders who see their accounts and of the patrons whose
    /// catalogue searches show a new document are rendered again, with those whose states the
    /// new date changes; the others are kept whole. Built whole and in
    /// shards, each over its own bundle of the night before (the first night a clean build),
    /// both give the same bundle: a clean build's but for the kept folders' dated files.
    @Test func theNextNightRendersOnlyWhatChangedWholeOrInShards() throws {
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: Self.today).materialize(into: dir.url)
        let tomorrow = Self.today.adding(days: 1)
        let next = (try Self.nextNight(demo.database, in: dir, on: tomorrow), demo.agenda)
        let cleans = [Self.today: try Self.cleanTree(in: dir, demo, on: Self.today, documents: true),
                      tomorrow: try Self.cleanTree(in: dir, next, on: tomorrow, documents: true)]

        let whole = dir.url.appendingPathComponent("whole")
        _ = try Self.build(whole, demo, documents: true)
        let night = try Self.build(whole, next, today: tomorrow, documents: true)
        try Self.expectCleanBuild(whole, on: tomorrow, cleans: cleans) { try Self.cleanTree(in: dir, next, on: tomorrow, situation: $0, documents: true) }
        let rendered = night.patrons - night.keptFolders
        #expect(rendered > 0 && night.keptFolders > night.patrons / 2, "\(rendered) of \(night.patrons) rendered")
        // Those who acted are rendered for tomorrow, and so are the holders who see their accounts.
        let queue = try DatabaseQueue(path: next.0)
        let acted = try queue.read { db in
            try String.fetchAll(db, sql: """
                SELECT card_number FROM patron WHERE substr(card_number, -2) IN ('07', '57')
                UNION SELECT holder_card FROM account_share WHERE substr(member_card, -2) IN ('07', '57')
                """)
        }
        try queue.close()
        let manifest = PublishedManifest(publishedAt: whole), tokens = PatronToken(secret: SiteSecret.demo.bytes)
        #expect(!acted.isEmpty && acted.allSatisfy { manifest.folder(tokens.token(card: $0, version: 0))?.renderedOn == tomorrow })
        // So are the searches of the folders whose catalogue searches show a document catalogued
        // that night; a video game nobody follows renders nobody's.
        let catalogued = try Self.showing(documentsAddedOn: tomorrow, in: next.0)
        #expect(catalogued.count == 2 && catalogued[1].document.genre == "Jeu vidéo" && catalogued[1].cards.isEmpty)
        #expect(!catalogued[0].cards.isEmpty
                && catalogued[0].cards.allSatisfy { manifest.folder(tokens.token(card: $0, version: 0))?.searches?.renderedOn == tomorrow })
        // The same inputs again: nothing is rendered, nothing written.
        let again = try Self.build(whole, next, today: tomorrow, documents: true)
        #expect(again.keptFolders == again.patrons && again.written == 0)

        var union: [String: Data] = [:]
        for k in 0...3 {
            let part = dir.url.appendingPathComponent("shard-\(k)")
            _ = try Self.build(part, demo, shard: Shard("\(k)/3"), documents: true)
            let report = try Self.build(part, next, today: tomorrow, shard: Shard("\(k)/3"), documents: true)
            #expect(k == 0 || report.keptFolders > 0)
            union.merge(Self.tree(part)) { a, _ in a }
        }
        #expect(Self.differences(union, Self.tree(whole)).isEmpty)
    }

    /// A change the summary does not show (here a review written the next day) renders the
    /// patron's folder again but for its summary: ``PrivateFolderLayout/summaryFiles`` stay
    /// the files of the day before, which they state, and the rest is the next day's. A
    /// summary one of whose files went missing from the published folder is rendered again.
    @Test func aChangeTheSummaryDoesNotShowKeepsItsDay() throws {
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: Self.today).materialize(into: dir.url)
        let tomorrow = Self.today.adding(days: 1)
        let out = dir.url.appendingPathComponent("_site")
        _ = try Self.build(out, demo, documents: true)
        _ = try Self.build(out, demo, today: tomorrow, documents: true)
        // A patron whose folder, states and all, reads tomorrow as today.
        let tokens = PatronToken(secret: SiteSecret.demo.bytes)
        var manifest = PublishedManifest(publishedAt: out)
        let cards = try DatabaseQueue(path: demo.database).read { db in try String.fetchAll(db, sql: "SELECT card_number FROM patron ORDER BY 1") }
        let unchanged = cards.filter { manifest.folder(tokens.token(card: $0, version: 0))?.renderedOn == Self.today }
        try #require(unchanged.count >= 2)
        let (card, other) = (unchanged[0], unchanged[1])
        let token = tokens.token(card: card, version: 0)
        let reviewed = (try Self.changed(demo.database, in: dir, [card, other].map { card in """
            INSERT INTO review (patron_card, document_id, pseudonym, rating, title, body, written_at, status)
            SELECT '\(card)', min(id), 'Lectrice', 4, 'Un avis', 'Écrit le lendemain.', '\(tomorrow.iso)T18:00:00', 'published' FROM document;
            """ }.joined()), demo.agenda)
        let summary = out.appendingPathComponent("private/\(token)/synthese.pdf").path
        let before = try FileManager.default.attributesOfItem(atPath: summary)[.systemFileNumber] as? Int
        try FileManager.default.removeItem(at: out.appendingPathComponent("private/\(tokens.token(card: other, version: 0))/synthese.pdf"))

        let report = try Self.build(out, reviewed, today: tomorrow, documents: true)
        #expect(report.keptSummaries == 1 && report.keptFolders == report.patrons - 2, "\(report)")
        #expect(PublishedManifest(publishedAt: out).folder(tokens.token(card: other, version: 0))?.summary?.renderedOn == tomorrow)
        manifest = PublishedManifest(publishedAt: out)
        let line = try #require(manifest.folder(token))
        #expect(line.renderedOn == tomorrow && line.summary?.renderedOn == Self.today)
        #expect(try FileManager.default.attributesOfItem(atPath: summary)[.systemFileNumber] as? Int == before)
        #expect(try String(contentsOfFile: out.appendingPathComponent("private/\(token)/avis.html").path, encoding: .utf8).contains("Un avis"))
        let cleans = [Self.today: try Self.cleanTree(in: dir, demo, on: Self.today, documents: true),
                      tomorrow: try Self.cleanTree(in: dir, reviewed, on: tomorrow, documents: true)]
        try Self.expectCleanBuild(out, on: tomorrow, cleans: cleans) { try Self.cleanTree(in: dir, reviewed, on: tomorrow, situation: $0, documents: true) }
    }

    /// The pages say a loan is due soon, tomorrow, today; the summary, a document read any day
    /// after its situation's (``Reading/kept``), names the due day and changes only when the
    /// loan turns late: on the other nights the loans' pages are rendered and the summary
    /// kept. The pages that read the rows alone (the history, the profile…) and the searches,
    /// whose results did not change, are kept every night: only the states' files are rendered.
    @Test func aLoanComingDueRendersThePagesAndKeepsTheSummaryUntilLate() throws {
        let dir = try TemporaryDirectory()
        let database = try Fixtures.database(in: dir, """
            INSERT INTO loan (barcode, patron_card, library, borrowed_on, due_on) VALUES
              ('34200021072893', '24200001234567', 'TAR', '2025-02-10', '2025-03-10');
            """)
        let agenda = try dir.write("agenda.xml", Fixtures.feed(""))
        let out = dir.url.appendingPathComponent("_site")
        let first = Fixtures.day("2025-03-05")
        let token = PatronToken(secret: SiteSecret.demo.bytes).token(card: "24200001234567", version: 0)
        func inode(_ file: String) throws -> Int? {
            try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("private/\(token)/\(file)").path)[.systemFileNumber] as? Int
        }
        _ = try Self.build(out, (database, agenda), today: first, documents: true)
        let rowsPages = ["profil.html", "historique.html", "reservations.html", "avis.html", "favoris/index.html", "recherches.html"]
        let before = try rowsPages.map(inode)
        let loans = try inode("prets.html")
        // The 5th: due in 5 days. The 7th, 9th and 10th: due soon, tomorrow, today. The 11th: late.
        let reports = try Self.nights(out, in: dir, (database, agenda), from: first, after: [1, 2, 4, 5, 6], documents: true)
        #expect(reports.map(\.keptSummaries) == [0, 1, 1, 1, 0], "\(reports)")
        #expect(reports.map { $0.keptFolders == $0.patrons } == [true, false, false, false, false])
        let line = try #require(PublishedManifest(publishedAt: out).folder(token))
        let states = Set(line.files.filter { PrivateFolderLayout.part(of: $0) == .states }.map { Precompressed.original(of: $0) })
        #expect(states.count == 5 && reports.map(\.privateFiles) == [0, 5, 5, 5, 5 + PrivateFolderLayout.summaryFiles.count])
        #expect(line.renderedOn == first.adding(days: 6) && line.summary?.renderedOn == first.adding(days: 6))
        #expect(line.searches?.renderedOn == first)
        #expect(try rowsPages.map(inode) == before && inode("prets.html") != loans)
    }

    /// A copy of `database` changed as `scripts/next-night.sql` and `scripts/next-night-catalogue.sql`
    /// say the next night, `day`, changes it: patrons acted, the libraries catalogued new documents.
    static func nextNight(_ database: String, in dir: TemporaryDirectory, on day: Day) throws -> String {
        let night = dir.path("night-\(day.iso).sqlite")
        try FileManager.default.copyItem(atPath: database, toPath: night)
        let script = try ["scripts/next-night.sql", "scripts/next-night-catalogue.sql"].map {
            try String(contentsOf: Repository.root.appendingPathComponent($0), encoding: .utf8)
        }.joined(separator: "\n")
        let queue = try DatabaseQueue(path: night)
        try queue.write { db in try db.execute(sql: script, arguments: ["today": day.iso]) }
        try queue.close()
        return night
    }

    /// The edges a nightly build must see: a member's loan seen by the holder, a session
    /// ending at midnight, a registration opening at midnight and closing mid-morning, a
    /// cancelled session a patron registered for (it leaves the summary PDF once over), and
    /// an agenda search following all of them.
    @Test func statesChangingAtTheEdgesOfADayAreSeenNightAfterNight() throws {
        let dir = try TemporaryDirectory()
        let database = try Fixtures.database(in: dir, """
            INSERT INTO account_share (holder_card, member_card) VALUES ('24200001234567', '24200001234568');
            INSERT INTO loan (barcode, patron_card, library, borrowed_on, due_on) VALUES
              ('34200021072893', '24200001234568', 'TAR', '2025-02-05', '2025-03-05');
            INSERT INTO event_registration (patron_card, registered_by, event_id, session_id, status, registered_at) VALUES
              ('24200001234567', '24200001234567', 'e1', 'mid', 'confirmed', '2025-02-21T10:00:00'),
              ('24200001234568', '24200001234567', 'e1', 'on', 'waitlisted', '2025-02-21T10:00:00'),
              ('24200001234567', '24200001234567', 'e1', 'off', 'confirmed', '2025-02-20T10:00:00');
            INSERT INTO saved_search (patron_card, name, scope, query, created_on) VALUES
              ('24200001234569', 'Tout', 'agenda', '', '2025-02-01');
            """)
        let agenda = try dir.write("agenda.xml", Fixtures.feed("""
            <event id="e1" updated="2025-02-20T10:00"><title>Conte</title>
              <session id="mid" library="TAR" start="2025-03-07T20:00" end="2025-03-08T00:00" registration="none"/>
              <session id="on" library="CAR" start="2025-03-06T10:00" end="2025-03-06T11:00" registration="online"
                       capacity="10" opens="2025-03-02T00:00" closes="2025-03-03T10:00"/>
              <session id="off" library="TAR" start="2025-03-02T10:00" end="2025-03-02T11:00" registration="online"
                       capacity="10" opens="2025-03-01T10:00" status="cancelled"/>
            </event>
            """))
        let inputs = (database, agenda)
        let out = dir.url.appendingPathComponent("_site")
        let nights = try Self.nights(out, in: dir, inputs, from: Fixtures.day("2025-03-01"), after: Array(1...7), documents: true)
        // Folders change on some nights and are kept on others.
        let kept = nights.map(\.keptFolders).reduce(0, +)
        #expect(kept > 0 && kept < 3 * nights.count)
    }

    /// The paths whose bytes differ between two trees, or that only one holds.
    static func differences(_ a: [String: Data], _ b: [String: Data]) -> [String] {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    }

    /// The shards make up one whole build, and a shard rebuilt keeps its own slice.
    @Test func theShardsMakeUpOneBuild() throws {
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: Self.today).materialize(into: dir.url)
        let whole = dir.url.appendingPathComponent("whole")
        _ = try Self.build(whole, demo)
        var union: [String: Data] = [:]
        var patrons = 0
        for k in 0...3 {
            let part = dir.url.appendingPathComponent("shard-\(k)")
            let report = try Self.build(part, demo, shard: Shard("\(k)/3"))
            patrons += report.patrons
            let files = Self.tree(part)
            if k == 2 {
                // Two readers split the cards in halves; each patron keeps its place in the slicing.
                let again = try Self.build(part, demo, shard: Shard("\(k)/3"))
                #expect(again.keptFolders == report.patrons && again.patrons == report.patrons && again.written == 0)
                #expect(Self.tree(part) == files)
                let single = try Self.build(part, demo, shard: Shard("\(k)/3"), workers: 1)
                #expect(single.keptFolders == report.patrons && Self.tree(part) == files)
            }
            #expect(Set(files.keys).isDisjoint(with: union.keys.filter { !$0.hasPrefix("private/assets/") }) || k == 0)
            union.merge(files) { a, _ in a }
            #expect(k == 0 ? files.keys.allSatisfy { $0.hasPrefix("public/") || $0.hasPrefix("private/assets/") || $0 == PrivateRootPage.path }
                           : files.keys.allSatisfy { $0.hasPrefix("private/") })
        }
        #expect(union == Self.tree(whole))
        #expect(Shard("4/3") == nil && Shard("1/0") == nil && Shard("x") == nil)
    }
}
