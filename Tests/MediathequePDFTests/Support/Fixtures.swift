import MediathequeKit

/// Model values for the summary tests: no database, no feed file.
enum Fixtures {
    static let today = Day(year: 2025, month: 3, day: 28)!
    static let rules = Rules()
    static let networkName = "Médiathèques de Saint-Étienne"

    static let tarentaize = Library(code: "TAR", name: "Tarentaize")
    static let carnot = Library(code: "CAR", name: "Carnot")
    static let trefilerie = Library(code: "TRE", name: "Tréfilerie")

    static func day(_ offset: Int) -> Day { today.adding(days: offset) }

    static func document(_ id: Int64, _ title: String, kind: String = "Livre") -> Document {
        Document(id: id, title: title, kind: kind, addedOn: Day(year: 2024, month: 1, day: 1)!)
    }

    static func patron(_ card: String, _ first: String, _ last: String) -> Patron {
        Patron(cardNumber: card, pseudo: first + String(last.prefix(1)), firstName: first, lastName: last,
               membershipExpires: Day(year: 2026, month: 1, day: 31)!)
    }

    static func loan(_ id: Int64, _ title: String, kind: String = "Livre", library: Library = tarentaize,
                     due: Int, renewals: Int = 0, awaited: Bool = false) -> Loan {
        Loan(id: id, barcode: "342000210\(String(id).leftPadded(5))", document: document(id, title, kind: kind),
             library: library, borrowedOn: day(due - 28), dueOn: day(due), renewals: renewals,
             awaitedByAnother: awaited)
    }

    // MARK: - The agenda

    static let events: [Event] = [
        Event(id: "bebes-lecteurs", updated: LocalDateTime(day: day(-30)), title: "Bébés lecteurs",
              sessions: [Session(id: "s1", library: carnot, start: LocalDateTime(day: day(5), hour: 9),
                                 end: LocalDateTime(day: day(5), hour: 10), registration: .online, capacity: 12)]),
        Event(id: "club-lecture", updated: LocalDateTime(day: day(-30)), title: "Club de lecture : Marcel et compagnie",
              sessions: [Session(id: "s1", library: trefilerie, start: LocalDateTime(day: day(12), hour: 19),
                                 end: LocalDateTime(day: day(12), hour: 20, minute: 30), registration: .online,
                                 status: .postponed),
                         Session(id: "past", library: trefilerie, start: LocalDateTime(day: day(-12), hour: 19),
                                 end: LocalDateTime(day: day(-12), hour: 20), registration: .online)]),
        Event(id: "nuit-manga", updated: LocalDateTime(day: day(-30)), title: "マンガの夜 — Nuit du manga",
              sessions: [Session(id: "s1", library: tarentaize, start: LocalDateTime(day: day(20), hour: 18),
                                 end: LocalDateTime(day: day(21), hour: 2), registration: .desk)]),
    ]

    static func session(_ key: SessionKey) -> (event: Event, session: Session)? {
        AgendaFeed(timeZone: "Europe/Paris", generated: LocalDateTime(day: day(-1)), events: events).session(key)
    }

    static func registration(_ id: Int64, card: String, event: String, session: String = "s1",
                             status: Registration.Status = .confirmed) -> Registration {
        Registration(id: id, patronCard: card, registeredBy: card, eventID: event, sessionID: session,
                     status: status, registeredAt: LocalDateTime(day: day(-10), hour: 12))
    }

    // MARK: - Bundles

    /// The guide's family: a holder with late, due-soon and ongoing loans, available and
    /// waiting holds, registrations; members named in Polish, Turkish, Arabic and Japanese.
    static var family: PatronBundle {
        let holderCard = "24200001234567"
        let own = Account(
            patron: patron(holderCard, "Aurore", "Boréale"),
            loans: [
                loan(1, "Pilates : La méthode complète", due: -5),
                loan(2, "Le training au féminin", due: -5, renewals: 1),
                loan(3, "HPI : Haut Potentiel Intellectuel. Saison 2", kind: "Vidéo", due: 0, awaited: true),
                loan(4, "Pikmin 3 : Deluxe", kind: "Application", due: 2),
                loan(5, "Trois contes / Gustave Flaubert", library: carnot, due: 20, renewals: 1),
            ],
            holds: [
                Hold(id: 11, document: document(101, "Vertèbres / Morgane Ortin"), pickupLibrary: tarentaize,
                     placedOn: day(-20), state: .waiting(rank: 1)),
                Hold(id: 12, document: document(102, "Parfaite / Caroline Kepnes"), pickupLibrary: tarentaize,
                     placedOn: day(-40), state: .available(on: day(-2), until: day(13))),
                Hold(id: 13, document: document(103, "Les secrets de la forêt"), pickupLibrary: carnot,
                     placedOn: day(-60), state: .waiting(rank: 2)),
            ],
            registrations: [
                registration(21, card: holderCard, event: "bebes-lecteurs"),
                registration(22, card: holderCard, event: "club-lecture", status: .waitlisted),
                registration(23, card: holderCard, event: "club-lecture", session: "past"),
                registration(24, card: holderCard, event: "retiree-du-programme"),
            ])
        let polish = Account(
            patron: patron("24200007654321", "Zażółć", "Gęślą-Jaźń"),
            loans: [loan(31, "Pan Tadeusz czyli ostatni zajazd na Litwie", due: 1)])
        let turkish = Account(
            patron: patron("24200001112223", "Çağrı", "İnönü Şimşek"),
            loans: [loan(41, "Kürk Mantolu Madonna — Sabahattin Ali", due: 9)])
        let arabic = Account(
            patron: patron("24200003334445", "ليلى", "حداد"),
            loans: [loan(51, "ألف ليلة وليلة", due: -1)],
            holds: [Hold(id: 52, document: document(152, "كليلة ودمنة"), pickupLibrary: carnot,
                         placedOn: day(-3), state: .waiting(rank: 3))])
        let japanese = Account(
            patron: patron("24200005556667", "花子", "山田"),
            registrations: [registration(61, card: "24200005556667", event: "nuit-manga")])
        return PatronBundle(own: own, shared: [polish, turkish, arabic, japanese])
    }

    /// Text that looks like markup, control characters, a 2,000-character title and an empty member.
    static var hostile: PatronBundle {
        let longTitle = String(repeating: "Une histoire sans fin, racontée encore et encore ", count: 41)
            .prefix(2_000)
        let unbroken = String(repeating: "W", count: 2_000)
        let own = Account(
            // A stray right-to-left override at the end of the name must not flip what follows it.
            patron: patron("24200009990001", "<b>Zoé</b>", "&amp; O'Brien\u{202E}"),
            loans: [
                loan(1, "<b>&amp;</b> <i>pas du gras</i> & <span foreground=\"red\">rouge</span>", due: -3),
                loan(2, String(longTitle), due: 4),
                loan(3, unbroken, kind: "Vidéo", due: 15),
                loan(4, "Ligne\nbrisée\tet\u{0}nul\u{7}cloche", due: 15),
            ])
        let empty = Account(patron: patron("24200009990002", "Yūki", "Ōtomo"))
        let rtl = Account(patron: patron("24200009990003", "עמית", "כהן\u{202E}"),
                          loans: [loan(11, "ספר הדקדוק — Grammaire hébraïque", due: 3)])
        return PatronBundle(own: own, shared: [empty, rtl])
    }

    /// One account with `count` loans: many pages.
    static func manyLoans(_ count: Int) -> PatronBundle {
        let loans = (0..<count).map { n in
            loan(Int64(n + 1), "Document numéro \(n + 1) : \(n % 3 == 0 ? "un titre assez long pour tenir sur deux lignes dans sa colonne" : "titre court")",
                 kind: n % 4 == 0 ? "Vidéo" : "Livre", library: n % 2 == 0 ? tarentaize : carnot,
                 due: n % 7 - 2, renewals: n % 5 == 0 ? 1 : 0, awaited: n % 6 == 0)
        }
        return PatronBundle(own: Account(patron: patron("24200008880001", "Hannibal", "Lecteur"), loans: loans))
    }

    /// A lone account with nothing at all.
    static var empty: PatronBundle {
        PatronBundle(own: Account(patron: patron("24200007770001", "Aurore", "Vide")))
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
