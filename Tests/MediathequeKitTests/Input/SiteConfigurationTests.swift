import Testing
@testable import MediathequeKit

struct SiteConfigurationTests {
    @Test func theBundledFileIsValidAndDocumented() throws {
        let config = try SiteConfiguration.load(from: Repository.site)
        #expect(config.timeZone == "Europe/Paris")
        #expect(config.rules == Rules(dueSoonDays: 3, historyMonths: 3, maxRenewals: 1))
        #expect(config.baseURL.hasSuffix("/"))
    }

    @Test func missingKeysKeepTheirDefaults() throws {
        let config = try SiteConfiguration.parse("# nothing\n\nnetwork_name = Réseau test\n", file: "site.conf")
        #expect(config.networkName == "Réseau test")
        #expect(config.rules.dueSoonDays == 3)
        #expect(try SiteConfiguration.parse("base_url = https://x.example", file: "f").baseURL == "https://x.example/")
    }

    @Test func anUnknownKeyIsNamedWithFileAndLine() {
        #expect {
            try SiteConfiguration.parse("time_zone = Europe/Paris\ndue_son_days = 4\n", file: "Site/site.conf")
        } throws: { error in
            let text = "\(error)"
            return text.contains("Site/site.conf") && text.contains("line 2") && text.contains("'due_son_days'") && text.contains("unknown key")
        }
    }

    /// `locale` was read and never used: an old site.conf that sets it is told what to do.
    @Test func theRetiredLocaleKeySaysWhy() {
        #expect {
            try SiteConfiguration.parse("locale = fr-FR\n", file: "Site/site.conf")
        } throws: { error in
            let text = "\(error)"
            return text.contains("line 1") && text.contains("'locale'") && text.contains("remove this line")
        }
    }

    @Test func badValuesAreNamed() {
        let cases = ["due_soon_days = trois", "history_months = 0", "time_zone = Europe/Atlantis",
                     "base_url = /relative", "network_name =", "max_renewals = -1", "line without equals"]
        for line in cases {
            #expect(throws: InputProblems.self, "\(line)") { try SiteConfiguration.parse(line, file: "site.conf") }
        }
        #expect {
            try SiteConfiguration.parse("\n\ntime_zone = Europe/Atlantis", file: "site.conf")
        } throws: { "\($0)".contains("line 3, key 'time_zone'") && "\($0)".contains("Europe/Atlantis") }
    }
}
