import Testing
@testable import MediathequeKit

/// Words, links and empty states of the public pages.
struct PublicPageTests {
    typealias S = PublicTestSupport

    @Test func daysAreWrittenOutInFrench() {
        #expect(FrenchDate.heading(Day(iso: "2025-03-28")!) == "Vendredi 28 mars 2025")
        #expect(FrenchDate.heading(Day(iso: "2025-03-01")!) == "Samedi 1er mars 2025")
        #expect(FrenchDate.heading(Day(iso: "2025-08-17")!) == "Dimanche 17 août 2025")
        #expect(FrenchDate.heading(Day(iso: "2024-12-30")!) == "Lundi 30 décembre 2024")
        #expect(FrenchDate.month(year: 2025, month: 2) == "Février 2025")
    }

    @Test func timesSayHowLongASessionLasts() {
        let tar = S.libraries["TAR"]!
        func session(_ start: String, _ end: String) -> Session {
            Session(id: "s", library: tar, start: S.at(start), end: S.at(end), registration: .none)
        }
        let day = Day(iso: "2025-04-12")!
        #expect(PublicPageContext.timeLabel(session("2025-04-12T19:00", "2025-04-12T20:30"), listedOn: day) == "19:00 – 20:30")
        #expect(PublicPageContext.timeLabel(session("2025-04-12T10:00", "2025-04-13T18:00"), listedOn: day)
                == "de 10:00 au 13 avril à 18:00")
        #expect(PublicPageContext.timeLabel(session("2025-04-10T10:00", "2025-04-13T18:00"), listedOn: day)
                == "depuis le 10 avril à 10:00, jusqu'au 13 avril à 18:00")
        #expect(PublicPageContext.timeLabel(session("2025-12-31T20:00", "2026-01-01T02:00"), listedOn: Day(iso: "2025-12-31")!)
                == "de 20:00 au 1er janvier 2026 à 02:00")
    }

    @Test func linksAreRelativeToEachPage() throws {
        let files = try S.render(S.content(events: PublicPlanTests.events))
        let home = try #require(files["index.html"])
        #expect(home.contains("href=\"assets/style.css\""))
        #expect(home.contains("<a class=\"button\" href=\"agenda/index.html\">Découvrir tout l'agenda</a>"))
        let month = try #require(files["agenda/mois/2025-03/index.html"])
        #expect(month.contains("href=\"../../../assets/style.css\""))
        #expect(month.contains("<a href=\"../../../agenda/mois/2025-03/index.html\" aria-current=\"page\">Mars 2025</a>"))
        #expect(month.contains("<time datetime=\"2025-03-28\">Vendredi 28 mars 2025</time>"))
        let event = try #require(files["agenda/b/index.html"])
        #expect(event.contains("href=\"../../assets/style.css\""))
        #expect(event.contains("href=\"../../agenda/categories/jeunesse/index.html\""))
        for (path, html) in files where path.hasSuffix(".html") {
            // Only the registration portal (another site) and webcal subscriptions are absolute.
            let absolute = html.components(separatedBy: "href=\"https://mediatheques.example/").count
                - html.components(separatedBy: "href=\"https://mediatheques.example/agenda/inscription?").count
            #expect(absolute == 0, "\(path) links to its own site with an absolute URL")
        }
    }

    @Test func listingsLinkToTheCalendarsAndTheFeed() throws {
        let files = try S.render(S.content(events: PublicPlanTests.events))
        let home = try #require(files["index.html"])
        #expect(home.contains("<a class=\"subscribe-calendar\" href=\"webcal://mediatheques.example/agenda.ics\">S'abonner au calendrier</a>"))
        #expect(home.contains("<a class=\"subscribe-feed\" href=\"agenda.rss\">Flux RSS de tout l'agenda</a>"))
        let library = try #require(files["agenda/lieux/tar/index.html"])
        #expect(library.contains("href=\"webcal://mediatheques.example/agenda/lieux/tar.ics\""))
        #expect(library.contains("href=\"../../../agenda/lieux/tar.ics\" download"))
        let category = try #require(files["agenda/categories/jeunesse-2/index.html"])
        #expect(category.contains("href=\"webcal://mediatheques.example/agenda/categories/jeunesse-2.ics\""))
        #expect(category.contains("<link rel=\"alternate\" type=\"application/rss+xml\""))
    }

    @Test func theNotFoundPageLinksFromTheSiteRoot() throws {
        #expect(PublicPageContext.basePath(of: "https://mediatheques.example/") == "/")
        #expect(PublicPageContext.basePath(of: "https://example.org/reseau/agenda/") == "/reseau/agenda/")
        #expect(PublicPageContext.basePath(of: "https://example.org") == "/")
        let page = try #require(try S.render(S.content(events: []))["404.html"])
        #expect(page.contains("href=\"/assets/style.css\"") && page.contains("href=\"/agenda/index.html\""))
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
    }

    @Test func robotsPointsToTheSitemapAndKeepsCrawlersOffThePrivatePath() throws {
        let files = try S.render(S.content(events: []))
        #expect(files["robots.txt"] == "User-agent: *\nDisallow: /espace/\n\nSitemap: https://mediatheques.example/sitemap.xml\n")
        var elsewhere = SiteConfiguration()
        elsewhere.privateBaseURL = "https://compte.example/espace/"
        #expect(try S.render(S.content(events: [], config: elsewhere))["robots.txt"]
                == "User-agent: *\nDisallow:\n\nSitemap: https://mediatheques.example/sitemap.xml\n")
        let sitemap = try #require(files["sitemap.xml"])
        #expect(sitemap.contains("<loc>https://mediatheques.example/</loc>") && sitemap.contains("<loc>https://mediatheques.example/agenda/</loc>"))
        #expect(!sitemap.contains("404"))
    }

    @Test func anEmptyProgrammeStillGivesEveryListing() throws {
        let files = try S.render(S.content(events: []))
        #expect(files.keys.sorted() == ["404.html", "accessibilite/index.html", "agenda.ics", "agenda.rss", "agenda/index.html",
                                        "agenda/lieux/car.ics", "agenda/lieux/car/index.html", "agenda/lieux/tar.ics",
                                        "agenda/lieux/tar/index.html", "agenda/lieux/tre.ics", "agenda/lieux/tre/index.html",
                                        "index.html", "robots.txt", "sitemap.xml"])
        #expect(files["index.html"]!.contains("Aucune animation à venir pour le moment."))
        #expect(files["agenda/lieux/car/index.html"]!.contains("Aucune animation à venir dans cette médiathèque pour le moment."))
    }
}
