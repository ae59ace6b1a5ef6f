import Foundation
import GRDB

/// Generates a network's worth of patrons, documents, loans and events,
/// deterministically from a seed and relative to a reference date.
///
/// The demo uses it for filler around the guide's own examples; benchmarks and
/// scale tests use it for tens of thousands of patrons. Roughly, per patron:
/// 10 documents and items, 6 current loans (borrowed on one or two visits), 10 returned ones, holds, shelves,
/// saved searches; one patron in four shares an account; N/100 events.
public struct DemoGenerator: Sendable {
    public var patrons: Int
    public var seed: UInt64
    public var today: Day
    public var documentsPerPatron = 10
    public var currentLoans = 6
    public var returnedLoans = 10
    /// Gives every patron one or two followed searches more (catalogue or agenda, every
    /// frequency), for the e-mail alerts' benchmarks; drawn from a random stream of their
    /// own, so that the rest of the network is the same with or without them.
    public var followedSearches = false
    /// Card numbers and barcodes start here so that generated rows never collide with hand-written ones.
    static let cardBase: Int64 = 24_210_000_000_000
    static let barcodeBase: Int64 = 34_210_000_000_000

    public init(patrons: Int, seed: UInt64 = 42, today: Day) {
        self.patrons = patrons
        self.seed = seed
        self.today = today
    }

    static let libraryCodes = ["TAR", "CAR", "TRE", "TER", "SOL", "COT", "MON", "LCO"]
    static let firstNames = ["Camille", "Léa", "Hugo", "Louis", "Chloé", "Manon", "Jules", "Inès", "Gabriel", "Zoé",
                             "Lucas", "Emma", "Nathan", "Jade", "Théo", "Léna", "Agnieszka", "Zeynep", "Yasmine",
                             "Karim", "Hiroshi", "Yuki", "Éloïse", "Noël", "Maël", "Çağla", "Łukasz", "Anaïs"]
    static let lastNames = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
                            "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "Kowalska", "Yılmaz",
                            "Benali", "Tanaka", "Sato", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Faure"]
    static let titleWords = ["nuit", "jardin", "mer", "secret", "voyage", "silence", "enfant", "ville", "forêt",
                             "étoile", "mémoire", "hiver", "lumière", "rivière", "ombre", "chemin", "maison", "rêve",
                             "île", "montagne", "colère", "promesse", "orage", "miroir", "printemps", "été"]
    static let kinds = ["Livre", "Livre", "Livre", "Livre", "Vidéo", "Musique", "Revue", "Livre audio", "Application", "Partition"]
    static let genres = ["Roman", "Roman policier", "Bande dessinée", "Manga", "Science-fiction", "Documentaire",
                         "Album jeunesse", "Poésie", "Théâtre", "Biographie"]
    static let audiences = ["Adulte", "Adulte", "Jeunesse", "Ado"]
    static let subjects = ["Histoire", "Cuisine", "Voyages", "Nature", "Sport", "Musique", "Famille", "Sciences",
                           "Art", "Société", "Saint-Étienne", "Cinéma"]
    static let eventThemes: [(String, String, String)] = [
        ("Heure du conte", "Jeunesse", "3-6 ans"), ("Club de lecture", "Club de lecture", "Adulte"),
        ("Atelier numérique", "Création numérique", "Tout public"), ("Conférence", "Conférence", "Adulte"),
        ("Atelier d'écriture", "Atelier", "Ado"), ("Projection", "Cinéma", "Tout public"),
        ("Jeux vidéo en famille", "Jeux", "Tout public"), ("Concert", "Musique", "Tout public"),
    ]

    /// Inserts the generated rows into `db`, which must already have the schema and the libraries.
    public func insert(into db: Database) throws {
        var random = SeededRandom(seed: seed)
        let documents = max(1, patrons * documentsPerPatron)
        let insertDocument = try db.makeStatement(sql: """
            INSERT INTO document (id, title, authors, kind, year, summary, series, genre, audience, subjects, isbn, added_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertItem = try db.makeStatement(sql: "INSERT INTO item (barcode, document_id, library, call_number) VALUES (?, ?, ?, ?)")
        let documentBase: Int64 = 100_000
        for n in 0..<documents {
            let id = documentBase + Int64(n)
            let words = (0..<random.int(1...4)).map { _ in random.pick(Self.titleWords) }
            let title = (words.first!.prefix(1).uppercased() + words.joined(separator: " ").dropFirst())
            let genre = random.pick(Self.genres)
            let author = "\(random.pick(Self.lastNames)), \(random.pick(Self.firstNames)). Auteur"
            let subjects = (0..<random.int(1...3)).map { _ in random.pick(Self.subjects) }.joined(separator: " ; ")
            try insertDocument.execute(arguments: [
                id, title, author, random.pick(Self.kinds), random.int(1950...2026),
                "Un \(genre.lowercased()) autour de \(words.joined(separator: ", ")).", random.chance(0.1) ? "\(title) .\(random.int(1...9))" : nil,
                genre, random.pick(Self.audiences), subjects, nil, today.adding(days: -random.int(0...3000)).iso,
            ])
            try insertItem.execute(arguments: [String(Self.barcodeBase + Int64(n)), id, random.pick(Self.libraryCodes),
                                               "\(genre.prefix(1).uppercased()) \(author.prefix(3).uppercased())"])
        }

        let insertPatron = try db.makeStatement(sql: """
            INSERT INTO patron (card_number, pseudo, first_name, last_name, birth_date, sex, email, phone, mobile, address,
                                address_extra, postal_code, city, home_library, membership_expires, recommendations, feed_key_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
            """)
        let insertLoan = try db.makeStatement(sql: """
            INSERT INTO loan (barcode, patron_card, library, borrowed_on, due_on, renewals, returned_on) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let insertHold = try db.makeStatement(sql: """
            INSERT INTO hold (document_id, patron_card, pickup_library, placed_on, available_on, available_until, queue_position)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let insertShare = try db.makeStatement(sql: "INSERT OR IGNORE INTO account_share (holder_card, member_card) VALUES (?, ?)")
        let insertShelf = try db.makeStatement(sql: "INSERT INTO shelf (patron_card, name, kind, created_on) VALUES (?, ?, ?, ?)")
        let insertEntry = try db.makeStatement(sql: "INSERT OR IGNORE INTO shelf_entry (shelf_id, document_id, added_on) VALUES (?, ?, ?)")
        let insertSearch = try db.makeStatement(sql: """
            INSERT INTO saved_search (patron_card, name, scope, query, created_on, followed, frequency, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertFacet = try db.makeStatement(sql: "INSERT INTO saved_search_facet (search_id, facet, value) VALUES (?, ?, ?)")
        for p in 0..<patrons {
            let card = String(Self.cardBase + Int64(p))
            let first = random.pick(Self.firstNames), last = random.pick(Self.lastNames)
            let home = random.pick(Self.libraryCodes)
            try insertPatron.execute(arguments: [
                card, "\(first)\(last.prefix(1))\(p)", first, last, today.adding(days: -random.int(2000...30000)).iso,
                random.pick(["F", "M", nil]), "lecteur\(p)@example.org", "04 77 00 \(String(format: "%02d %02d", p / 100 % 100, p % 100))", nil,
                "\(random.int(1...120)) rue de la \(random.pick(Self.titleWords).capitalized)", nil, "42000", "Saint-Étienne", home,
                today.adding(days: random.int(-30...365)).iso, random.int(0...1),
            ])
            // Borrowed on one or two visits, each with its own library and loan period: a
            // patron's loans share one or two due dates, as at a library's desk.
            let visits = (0..<random.int(1...2)).map { _ in
                (day: today.adding(days: -random.int(0...40)), days: 28 + (random.chance(0.2) ? 28 : 0), library: random.pick(Self.libraryCodes))
            }
            for n in 0..<currentLoans {
                let item = Int64(random.int(0...(documents - 1)))
                let visit = visits[n % visits.count]
                try insertLoan.execute(arguments: [String(Self.barcodeBase + item), card, visit.library,
                                                   visit.day.iso, visit.day.adding(days: visit.days).iso, random.chance(0.2) ? 1 : 0, nil])
            }
            for _ in 0..<returnedLoans {
                let item = Int64(random.int(0...(documents - 1)))
                let borrowed = today.adding(days: -random.int(5...200))
                let returned = borrowed.adding(days: random.int(0...40))
                guard returned <= today else { continue }
                try insertLoan.execute(arguments: [String(Self.barcodeBase + item), card, random.pick(Self.libraryCodes),
                                                   borrowed.iso, borrowed.adding(days: 28).iso, 0, returned.iso])
            }
            for h in 0..<random.int(0...3) {
                let document = documentBase + Int64(random.int(0...(documents - 1)))
                let placed = today.adding(days: -random.int(1...60))
                if h == 0 && random.chance(0.4) {
                    let available = today.adding(days: -random.int(0...5))
                    try insertHold.execute(arguments: [document, card, home, placed.iso, available.iso, available.adding(days: 14).iso, nil])
                } else {
                    try insertHold.execute(arguments: [document, card, home, placed.iso, nil, nil, random.int(1...6)])
                }
            }
            if p % 4 == 1 {
                try insertShare.execute(arguments: [card, String(Self.cardBase + Int64(p - 1))])
                try insertShare.execute(arguments: [String(Self.cardBase + Int64(p - 1)), card])
            }
            if random.chance(0.5) {
                try insertShelf.execute(arguments: [card, "Mon panier", "basket", today.adding(days: -random.int(10...500)).iso])
                let shelf = db.lastInsertedRowID
                for _ in 0..<random.int(1...5) {
                    try insertEntry.execute(arguments: [shelf, documentBase + Int64(random.int(0...(documents - 1))),
                                                        today.adding(days: -random.int(0...300)).iso])
                }
                try insertShelf.execute(arguments: [card, "J'ai lu", "read", today.adding(days: -random.int(10...500)).iso])
            }
            if random.chance(0.3) {
                let genre = random.pick(Self.genres)
                try insertSearch.execute(arguments: [card, "\(genre) : nouveautés", "catalogue", "", today.adding(days: -random.int(10...500)).iso,
                                                     random.int(0...1), random.pick(["daily", "weekly", "monthly"]), random.chance(0.8) ? 1 : 0])
                try insertFacet.execute(arguments: [db.lastInsertedRowID, "genre", genre])
            }
        }
        if followedSearches { try insertFollowedSearches(into: db) }
    }

    /// One or two followed searches per patron: a genre (and, one time in three, a word of
    /// the titles) or an agenda category; daily, weekly or monthly, half of them daily.
    private func insertFollowedSearches(into db: Database) throws {
        var random = SeededRandom(seed: seed &+ 2)
        let insertSearch = try db.makeStatement(sql: """
            INSERT INTO saved_search (patron_card, name, scope, query, created_on, followed, frequency, active) VALUES (?, ?, ?, ?, ?, 1, ?, 1)
            """)
        let insertFacet = try db.makeStatement(sql: "INSERT INTO saved_search_facet (search_id, facet, value) VALUES (?, ?, ?)")
        for p in 0..<patrons {
            let card = String(Self.cardBase + Int64(p))
            for _ in 0..<random.int(1...2) {
                let frequency = random.pick(["daily", "daily", "daily", "weekly", "weekly", "monthly"])
                let created = today.adding(days: -random.int(10...500)).iso
                if random.chance(0.7) {
                    let genre = random.pick(Self.genres)
                    let word = random.chance(1.0 / 3) ? random.pick(Self.titleWords) : ""
                    try insertSearch.execute(arguments: [card, word.isEmpty ? "\(genre) : nouveautés" : "\(genre) : \(word)", "catalogue",
                                                         word, created, frequency])
                    try insertFacet.execute(arguments: [db.lastInsertedRowID, "genre", genre])
                } else {
                    let (theme, category, _) = random.pick(Self.eventThemes)
                    try insertSearch.execute(arguments: [card, theme, "agenda", "", created, frequency])
                    try insertFacet.execute(arguments: [db.lastInsertedRowID, "category", category])
                }
            }
        }
    }

    /// Generated events as `<event>` elements of the agenda feed, about one per hundred patrons.
    public func eventsXML(minimum: Int = 12) -> String {
        var random = SeededRandom(seed: seed &+ 1)
        var xml = ""
        for e in 0..<max(minimum, patrons / 100) {
            let (theme, category, audience) = random.pick(Self.eventThemes)
            let topic = random.pick(Self.titleWords)
            xml += """
              <event id="gen-\(e)" updated="\(today.adding(days: -random.int(1...30)).iso)T09:00">
                <title>\(theme) : \(topic)</title>
                <summary>\(theme) autour du thème «\u{A0}\(topic)\u{A0}».</summary>
                <category>\(category)</category>
                <audience>\(audience)</audience>

            """
            for s in 0..<random.int(1...4) {
                let day = today.adding(days: random.int(-10...80))
                let hour = random.int(9...19)
                let registration = random.pick(["none", "desk", "online", "online"])
                var attributes = "id=\"s\(s)\" library=\"\(random.pick(Self.libraryCodes))\" start=\"\(day.iso)T\(pad(hour)):00\" end=\"\(day.iso)T\(pad(hour + 1)):30\" registration=\"\(registration)\""
                if registration != "none" && random.chance(0.7) { attributes += " capacity=\"\(random.int(8...30))\"" }
                if registration == "online" {
                    attributes += " opens=\"\(day.adding(days: -random.int(5...40)).iso)T10:00\" closes=\"\(day.iso)T\(pad(hour - 1)):00\""
                }
                if random.chance(0.04) { attributes += " status=\"cancelled\"" }
                xml += "    <session \(attributes)/>\n"
            }
            xml += "  </event>\n"
        }
        return xml
    }

    private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}

extension DemoGenerator {
    static let libraryNames = ["TAR": "Tarentaize", "CAR": "Carnot", "TRE": "Tréfilerie", "TER": "Terrenoire",
                               "SOL": "Solaure", "COT": "Côte-Chaude", "MON": "Montreynaud", "LCO": "La Cotonne"]

    /// Writes a whole generated network, `accounts.sqlite` and `agenda.xml`, into `directory`.
    public func writeNetwork(into directory: URL) throws -> (database: String, agenda: String) {
        let database = directory.appendingPathComponent("accounts.sqlite").path
        let agenda = directory.appendingPathComponent("agenda.xml")
        try? FileManager.default.removeItem(atPath: database)
        try DemoData.createDatabase(at: database) { db in
            for code in Self.libraryCodes {
                try db.execute(sql: "INSERT INTO library (code, name) VALUES (?, ?)", arguments: [code, Self.libraryNames[code]])
            }
            try insert(into: db)
        }
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <agenda xmlns="\(AgendaFeed.namespace)" version="1" timezone="Europe/Paris" generated="\(today.iso)T06:00">
            \(eventsXML())</agenda>

            """
        try Data(xml.utf8).write(to: agenda)
        return (database, agenda.path)
    }
}
