import Foundation
import Testing
@testable import MediathequeKit

struct RSSWriterTests {
    let writer = RSSWriter()
    let paris = RenderFixtures.paris

    private func at(_ local: String) -> Date { RenderFixtures.local(local).instant(in: paris) }

    private func feed(_ items: [RSSItem]) -> RSSFeed {
        RSSFeed(title: "Agenda des médiathèques", link: "https://mediatheques.example/agenda/",
                description: "Les animations du réseau", selfURL: "https://mediatheques.example/agenda.rss",
                lastBuildDate: at("2025-03-01T06:00"), timeZone: paris, items: items)
    }

    @Test func writesTheWholeFeed() {
        let items = [
            RSSItem(title: "Bébés lecteurs — 07/03/2025 19:00", link: "https://mediatheques.example/agenda/bebes-lecteurs/",
                    description: "Comptines & jeux.\n\nPour les 0-3 ans.\nGratuit.", guid: "bebes-lecteurs.s-0307-1900",
                    pubDate: at("2025-02-20T10:00"), categories: ["Jeunesse", "Lecture"]),
            RSSItem(title: "Le Petit Prince", link: "https://mediatheques.example/catalogue/42",
                    guid: "https://mediatheques.example/catalogue/42", pubDate: at("2025-07-14T08:30")),
        ]
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
              <channel>
                <title>Agenda des médiathèques</title>
                <link>https://mediatheques.example/agenda/</link>
                <description>Les animations du réseau</description>
                <language>fr</language>
                <lastBuildDate>Sat, 01 Mar 2025 06:00:00 +0100</lastBuildDate>
                <atom:link href="https://mediatheques.example/agenda.rss" rel="self" type="application/rss+xml"/>
                <item>
                  <title>Bébés lecteurs — 07/03/2025 19:00</title>
                  <link>https://mediatheques.example/agenda/bebes-lecteurs/</link>
                  <description>&lt;p&gt;Comptines &amp;amp; jeux.&lt;/p&gt;&lt;p&gt;Pour les 0-3 ans.&lt;br&gt;Gratuit.&lt;/p&gt;</description>
                  <category>Jeunesse</category>
                  <category>Lecture</category>
                  <guid isPermaLink="false">bebes-lecteurs.s-0307-1900</guid>
                  <pubDate>Thu, 20 Feb 2025 10:00:00 +0100</pubDate>
                </item>
                <item>
                  <title>Le Petit Prince</title>
                  <link>https://mediatheques.example/catalogue/42</link>
                  <guid>https://mediatheques.example/catalogue/42</guid>
                  <pubDate>Mon, 14 Jul 2025 08:30:00 +0200</pubDate>
                </item>
              </channel>
            </rss>

            """
        #expect(writer.render(feed(items)) == expected)
    }

    @Test func isDeterministic() {
        let feed = feed([RSSItem(title: RenderFixtures.longTitle, guid: "x", pubDate: at("2025-03-07T19:00"))])
        #expect(writer.render(feed) == RSSWriter().render(feed))
    }

    @Test func writesRFC822DatesInEnglishWithTheZoneOffset() {
        #expect(RSSWriter.rfc822(at("2025-03-07T19:00"), in: paris) == "Fri, 07 Mar 2025 19:00:00 +0100")
        #expect(RSSWriter.rfc822(at("2025-03-30T03:00"), in: paris) == "Sun, 30 Mar 2025 03:00:00 +0200")
        #expect(RSSWriter.rfc822(at("2025-10-26T02:30"), in: paris) == "Sun, 26 Oct 2025 02:30:00 +0200")
        #expect(RSSWriter.rfc822(at("2025-10-26T03:00"), in: paris) == "Sun, 26 Oct 2025 03:00:00 +0100")
        let instant = RenderFixtures.utc("2024-02-29T23:05:09Z")
        #expect(RSSWriter.rfc822(instant, in: TimeZone(identifier: "UTC")!) == "Thu, 29 Feb 2024 23:05:09 +0000")
        #expect(RSSWriter.rfc822(instant, in: TimeZone(identifier: "America/New_York")!) == "Thu, 29 Feb 2024 18:05:09 -0500")
        #expect(RSSWriter.rfc822(instant, in: TimeZone(identifier: "Asia/Kolkata")!) == "Fri, 01 Mar 2024 04:35:09 +0530")
        let names = (0..<12).map { RSSWriter.rfc822(at("2025-\(Day.pad($0 + 1, 2))-0\($0 % 7 + 1)T12:00"), in: paris) }
        #expect(names.map { String($0.dropFirst(8).prefix(3)) }
            == ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])
        let week = (3...9).map { RSSWriter.rfc822(at("2025-03-0\($0)T12:00"), in: paris).prefix(3) }
        #expect(week == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
    }

    @Test func marksGUIDsThatAreNotAddresses() {
        #expect(!RSSItem(title: "t", guid: "event-1.s-2").guidIsPermaLink)
        #expect(!RSSItem(title: "t", guid: "urn:uuid:1234").guidIsPermaLink)
        #expect(!RSSItem(title: "t", guid: "https://").guidIsPermaLink)
        #expect(RSSItem(title: "t", guid: "https://mediatheques.example/a").guidIsPermaLink)
        #expect(!RSSItem(title: "t", guid: "https://mediatheques.example/a", guidIsPermaLink: false).guidIsPermaLink)
        let xml = writer.render(feed([RSSItem(title: "t", guid: "e1.s2"), RSSItem(title: "u", guid: "http://x.example/1")]))
        #expect(xml.contains("<guid isPermaLink=\"false\">e1.s2</guid>"))
        #expect(xml.contains("<guid>http://x.example/1</guid>"))
    }

    @Test func escapesHostileText() {
        let item = RSSItem(title: RenderFixtures.hostile, link: "https://x.example/a b\"><script>", description: RenderFixtures.hostile,
                           guid: RenderFixtures.hostile, categories: [RenderFixtures.hostile, " \n", ""])
        let xml = writer.render(feed([item]))
        let body = xml.split(separator: "\n").dropFirst(2).joined(separator: "\n")
        #expect(!body.contains("<script"))
        #expect(!body.contains("]]>"))
        #expect(!body.contains("<![CDATA["))
        #expect(xml.contains("<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; ]]&gt;"))
        #expect(xml.contains("<description>&lt;p&gt;&amp;lt;script&amp;gt;alert(&amp;quot;x&amp;quot;)"))
        #expect(xml.contains("<link>https://x.example/a%20b%22%3E%3Cscript%3E</link>"))
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        #expect(!xml.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) || $0.value & 0xFFFE == 0xFFFE })
        #expect(xml.components(separatedBy: "<category>").count == 2, "blank categories are left out")
        #expect(xml.components(separatedBy: "\n").filter { $0.contains("<title>") }.count == 2, "titles stay on one line")
    }

    @Test func turnsDescriptionsIntoEscapedParagraphs() {
        #expect(RSSWriter.html("a\n\n\nb\nc\r\n \nd") == "<p>a</p><p>b<br>c</p><p>d</p>")
        #expect(RSSWriter.html("<b>&</b>") == "<p>&lt;b&gt;&amp;&lt;/b&gt;</p>")
        #expect(RSSWriter.html("\n \n") == "")
    }

    @Test func leavesOutOptionalElements() {
        let bare = RSSFeed(title: "t", link: "https://x.example/", description: "d", timeZone: paris,
                           items: [RSSItem(title: "i", guid: "g")])
        let xml = writer.render(bare)
        for element in ["<lastBuildDate>", "<atom:link", "<ttl>", "<pubDate>", "<link>https://x.example/</link>\n      "] {
            #expect(!xml.contains(element))
        }
        var withTTL = bare
        withTTL.timeToLive = 720
        #expect(writer.render(withTTL).contains("<ttl>720</ttl>"))
    }
}
