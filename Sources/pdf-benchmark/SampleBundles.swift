import MediathequeKit

/// Typical patrons for the benchmark: a holder with a shared account, about two pages each.
///
/// Deterministic: bundle `n` is always the same. Titles come from a pool, as the same
/// catalogue titles recur across patrons; barcodes and names vary.
struct SampleBundles {
    let today = Day(year: 2025, month: 3, day: 28)!
    let libraries = ["Tarentaize", "Carnot", "Tréfilerie", "Terrenoire", "Solaure", "Méons", "Montreynaud"]
        .enumerated().map { Library(code: "L\($0.offset)", name: $0.element) }
    let kinds = ["Livre", "Livre", "Livre", "Vidéo", "Musique", "Application", "Revue"]
    let firstNames = ["Aurore", "Hannibal", "Zoé", "Lucas", "Çağrı", "Małgorzata", "Jean-Baptiste", "Inès", "Noé", "Léa"]
    let lastNames = ["Boréale", "Lecteur", "Martin", "Durand", "Şimşek", "Wiśniewska", "Dupont", "Benali", "Roux"]
    let words = ["La", "nuit", "des", "temps", "histoire", "de", "France", "cuisine", "facile", "guide", "pratique",
                 "voyage", "au", "bout", "monde", "jardin", "secrets", "forêt", "Pilates", "méthode", "complète",
                 "roman", "policier", "enquête", "Saison", "intégrale", "mystère", "chat", "grand", "petit"]
    let events: [Event]

    init() {
        var events: [Event] = []
        for number in 0..<12 {
            let start = LocalDateTime(day: today.adding(days: 3 + number * 4), hour: 10 + number % 8)
            let end = LocalDateTime(day: start.day, hour: start.hour + 1, minute: 30)
            let session = Session(id: "s1", library: libraries[number % libraries.count], start: start, end: end,
                                  registration: .online, capacity: 20)
            events.append(Event(id: "event-\(number)", updated: LocalDateTime(day: today.adding(days: -20)),
                                title: ["Bébés lecteurs", "Club de lecture : Marcel et compagnie",
                                        "Atelier de création numérique", "Conférence : l'histoire du livre"][number % 4],
                                sessions: [session]))
        }
        self.events = events
    }

    func session(_ key: SessionKey) -> (event: Event, session: Session)? {
        guard let event = events.first(where: { $0.id == key.eventID }),
              let session = event.sessions.first(where: { $0.id == key.sessionID }) else { return nil }
        return (event, session)
    }

    /// Patron `n`: 6 loans, 3 holds, 2 registrations; a shared account with 3 loans, 1 hold, 1 registration.
    func bundle(_ n: Int) -> PatronBundle {
        var random = SplitMix(seed: UInt64(n))
        let holder = account(card: 24_200_000_000_000 + n * 2, random: &random, loans: 6, holds: 3, registrations: 2)
        let member = account(card: 24_200_000_000_001 + n * 2, random: &random, loans: 3, holds: 1, registrations: 1)
        return PatronBundle(own: holder, shared: [member])
    }

    private func account(card: Int, random: inout SplitMix, loans: Int, holds: Int, registrations: Int) -> Account {
        let cardNumber = String(card)
        let patron = Patron(cardNumber: cardNumber, pseudo: "p\(card)",
                            firstName: firstNames[random.next(firstNames.count)],
                            lastName: lastNames[random.next(lastNames.count)],
                            membershipExpires: today.adding(days: 300))
        let loanList = (0..<loans).map { number in
            let due = today.adding(days: random.next(30) - 6)
            let barcode = String(342_000_000_000_00 + (card % 1_000_000) * 10 + number)
            return Loan(id: Int64(card % 1_000_000 * 10 + number), barcode: barcode,
                        document: document(random: &random, id: Int64(number)),
                        library: libraries[random.next(libraries.count)], borrowedOn: due.adding(days: -28),
                        dueOn: due, renewals: random.next(3) == 0 ? 1 : 0, awaitedByAnother: random.next(5) == 0)
        }
        let holdList = (0..<holds).map { number in
            let state: HoldState = number == 0
                ? .available(on: today.adding(days: -2), until: today.adding(days: 12))
                : .waiting(rank: 1 + random.next(4))
            return Hold(id: Int64(card % 1_000_000 * 10 + number), document: document(random: &random, id: Int64(number)),
                        pickupLibrary: libraries[random.next(libraries.count)],
                        placedOn: today.adding(days: -random.next(60)), state: state)
        }
        let registrationList = (0..<registrations).map { number in
            Registration(id: Int64(card % 1_000_000 * 10 + number), patronCard: cardNumber, registeredBy: cardNumber,
                         eventID: "event-\(random.next(events.count))", sessionID: "s1",
                         status: random.next(4) == 0 ? .waitlisted : .confirmed,
                         registeredAt: LocalDateTime(day: today.adding(days: -5)))
        }
        return Account(patron: patron, loans: loanList, holds: holdList, registrations: registrationList)
    }

    private func document(random: inout SplitMix, id: Int64) -> Document {
        // 600 distinct titles: some recur across patrons, as in a real catalogue.
        let title = random.next(600)
        var generator = SplitMix(seed: UInt64(title) &* 7919)
        let length = 2 + generator.next(7)
        let words = (0..<length).map { _ in self.words[generator.next(self.words.count)] }
        return Document(id: Int64(title), title: words.joined(separator: " ").capitalizedFirst + " / Auteur \(title)",
                        kind: kinds[generator.next(kinds.count)], addedOn: today.adding(days: -400))
    }
}

/// A small, fast, seeded random number generator: the same seed, the same patrons.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    /// A number from 0 to `bound` − 1.
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(bound))
    }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
