import Testing
@testable import MediathequeKit

/// The event page's sessions table shows, for each session, the registration status
/// of the feed's specification, the places remaining, and an active "S'inscrire"
/// link only when registration is open on line.
struct EventPageTests {
    typealias S = PublicTestSupport

    /// One session in each state of the specification's table (today: 28/03/2025, 00:00).
    static let sessions: [(session: Session, confirmed: Int, status: String, places: String)] = {
        let tar = S.libraries["TAR"]!
        func online(_ id: String, capacity: Int?, opens: String? = nil, closes: String? = nil) -> Session {
            Session(id: id, library: tar, start: S.at("2025-04-10T18:00"), end: S.at("2025-04-10T19:30"), registration: .online,
                    capacity: capacity, opens: opens.map(S.at), closes: closes.map(S.at))
        }
        var cancelled = online("annule", capacity: 10)
        cancelled.status = .cancelled
        var postponed = online("reporte", capacity: 10)
        postponed.status = .postponed
        return [
            (cancelled, 3, "Annulé", "7"),
            (postponed, 0, "Reporté", "10"),
            (Session(id: "termine", library: tar, start: S.at("2025-03-27T10:00"), end: S.at("2025-03-27T11:00"),
                     registration: .online, capacity: 8), 8, "Terminé", "0"),
            (Session(id: "libre", library: tar, start: S.at("2025-04-01T10:00"), end: S.at("2025-04-01T11:00"),
                     registration: .none), 0, "Entrée libre", "Pas de limite"),
            (Session(id: "guichet", library: tar, start: S.at("2025-04-02T10:00"), end: S.at("2025-04-02T11:00"),
                     registration: .desk, capacity: 12), 5, "Sur inscription (à la médiathèque)", "7"),
            (online("bientot", capacity: 20, opens: "2025-04-01T09:30"), 0, "Inscriptions à partir du 01/04/2025 à 09:30", "20"),
            (online("closes", capacity: 20, closes: "2025-03-27T12:00"), 2, "Inscriptions closes", "18"),
            (online("complet", capacity: 4, opens: "2025-03-01T10:00", closes: "2025-04-10T12:00"), 6, "Complet (liste d'attente)", "0"),
            (online("ouvert", capacity: 20, opens: "2025-03-01T10:00", closes: "2025-04-10T12:00"), 18, "Sur inscription", "2"),
            (online("illimite", capacity: nil), 40, "Sur inscription", "Pas de limite"),
        ]
    }()

    static let event = Event(id: "club.lecture-2025", updated: S.at("2025-03-01T10:00"), title: "Club de lecture",
                             conditions: "Sur inscription, 10 places.", sessions: sessions.map(\.session))

    func page(config: SiteConfiguration = SiteConfiguration()) throws -> String {
        var confirmed: [SessionKey: Int] = [:]
        for entry in Self.sessions { confirmed[SessionKey(eventID: Self.event.id, sessionID: entry.session.id)] = entry.confirmed }
        let files = try S.render(S.content(events: [Self.event], confirmed: confirmed, config: config))
        return try #require(files["agenda/club.lecture-2025/index.html"])
    }

    /// The `<tr>` of a session, from its opening tag to its closing one.
    func row(_ id: String, in html: String) throws -> String {
        let start = try #require(html.range(of: "<tr id=\"seance-\(id)\""), "no row for \(id)")
        let end = try #require(html[start.upperBound...].range(of: "</tr>"))
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func everyStateOfTheSpecificationShowsItsStatusAndPlaces() throws {
        let html = try page()
        for entry in Self.sessions {
            let row = try row(entry.session.id, in: html)
            let status = entry.status.replacingOccurrences(of: "'", with: "&#39;")
            #expect(row.contains("<td data-label=\"Statut\"><span class=\"status\">\(status)</span>"), "\(entry.session.id): \(row)")
            #expect(row.contains("<td data-label=\"Places restantes\">\(entry.places)</td>"), "\(entry.session.id): \(row)")
            #expect(row.contains("<td data-label=\"Site\"><a href=\"../../agenda/lieux/tar/index.html\" dir=\"auto\">Tarentaize</a></td>"))
        }
    }

    /// An open registration gets the red link (its arrow hidden from its name); where a patron
    /// could expect one, a sentence says why there is none; free entry and sessions cancelled,
    /// postponed or over get nothing: no greyed, fake button anywhere.
    @Test func onlyOpenRegistrationGetsALinkAndTheOthersSayWhy() throws {
        let html = try page()
        let notes = ["guichet": "Inscription à la médiathèque", "bientot": "Inscription en ligne pas encore ouverte",
                     "closes": "Inscription en ligne impossible", "complet": "Inscription en ligne impossible"]
        for entry in Self.sessions {
            // « Ajouter à mon agenda » closes the cell (StructuredDataTests and the ICS tests check it).
            let row = try row(entry.session.id, in: html)
                .replacingOccurrences(of: #" <a class="add-to-calendar"[^>]*>.*?</a>"#, with: "", options: .regularExpression)
            let open = ["ouvert", "illimite"].contains(entry.session.id)
            let link = "<a class=\"register\" href=\"https://mediatheques.example/agenda/inscription?event=club.lecture-2025&amp;session=\(entry.session.id)\" rel=\"nofollow\"><span aria-hidden=\"true\">→ </span>S'inscrire<span class=\"visually-hidden\"> : séance du "
            #expect(row.contains(link) == open, "\(entry.session.id): \(row)")
            let actions = notes[entry.session.id].map { "<td data-label=\"Actions\"><span class=\"registration-note\">\($0)</span></td>" }
                ?? (open ? nil : "<td data-label=\"Actions\"></td>")
            if let actions { #expect(row.contains(actions), "\(entry.session.id): \(row)") }
            #expect(row.contains("class=\"status-open\"") == open)
        }
        #expect(html.components(separatedBy: "<a class=\"register\"").count - 1 == 2)
        #expect(!html.contains("is-disabled"))
    }

    @Test func rowsThatCannotRegisterPointToTheConditions() throws {
        let html = try page()
        #expect(html.contains("<section id=\"conditions\""))
        for (id, points) in [("libre", true), ("guichet", true), ("bientot", true), ("closes", true), ("complet", true),
                             ("ouvert", false), ("annule", false), ("termine", false)] {
            #expect(try row(id, in: html).contains("href=\"#conditions\">Voir conditions d'accès</a>") == points, "\(id)")
        }
    }

    @Test func theRegistrationURLIsConfigurableAndEncoded() throws {
        var config = SiteConfiguration()
        config = try SiteConfiguration.parse("registration_url = https://portail.example/inscrire/{event}/{session}?x=1", file: "site.conf")
        let html = try page(config: config)
        #expect(try row("ouvert", in: html).contains("href=\"https://portail.example/inscrire/club.lecture-2025/ouvert?x=1\""))
        #expect(config.registrationURL(event: "é e&/", session: "s?1") == "https://portail.example/inscrire/%C3%A9%20e%26%2F/s%3F1?x=1")
        #expect(SiteConfiguration().registrationURL(event: "e", session: "s")
                == "https://mediatheques.example/agenda/inscription?event=e&session=s")
    }

    @Test func aBadRegistrationURLIsRefused() {
        #expect(throws: InputProblems.self) { try SiteConfiguration.parse("registration_url = /inscription?e={event}", file: "site.conf") }
        #expect(throws: InputProblems.self) { try SiteConfiguration.parse("registration_url = javascript:alert(1)", file: "site.conf") }
    }

    @Test func sessionsAreListedInStartOrderWithTheGuideColumns() throws {
        let html = try page()
        #expect(html.contains("<tr><th scope=\"col\">Date de début</th><th scope=\"col\">Heure de début</th><th scope=\"col\">Date de fin</th><th scope=\"col\">Heure de fin</th><th scope=\"col\">Site</th><th scope=\"col\">Places restantes</th><th scope=\"col\">Statut</th><th scope=\"col\">Actions</th></tr>"))
        let termine = try row("termine", in: html)
        // The start date heads its row; dates and times never break.
        #expect(termine.contains("<th scope=\"row\" data-label=\"Date de début\" class=\"nowrap\"><time datetime=\"2025-03-27\">27/03/2025</time></th>\n<td data-label=\"Heure de début\" class=\"nowrap\">10:00</td>"))
        #expect(html.contains("<caption id=\"seances-legende\">"))
        let order = ["termine", "libre", "guichet", "annule"].map { html.range(of: "<tr id=\"seance-\($0)\"")!.lowerBound }
        #expect(order == order.sorted())
    }
}
