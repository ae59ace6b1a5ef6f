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
            return text.contains("Site/site.conf:2:") && text.contains("'due_son_days'") && text.contains("unknown key")
        }
    }

    /// `locale` was read and never used: an old site.conf that sets it is told what to do.
    @Test func theRetiredLocaleKeySaysWhy() {
        #expect {
            try SiteConfiguration.parse("locale = fr-FR\n", file: "Site/site.conf")
        } throws: { error in
            let text = "\(error)"
            return text.contains("site.conf:1:1: key 'locale'") && text.contains("remove this line")
        }
    }

    /// A wrong --site built with the defaults and no stylesheet: now it says what is missing.
    @Test func aMissingSiteFolderOrFileIsAnError() throws {
        let dir = try TemporaryDirectory()
        #expect { try SiteConfiguration.load(from: dir.url.appendingPathComponent("nope")) } throws: {
            "\($0)".contains("nope: is not a folder")
        }
        #expect { try SiteConfiguration.load(from: dir.url) } throws: { "\($0)".contains("site.conf: is missing") }
    }

    /// Errors point at the key, or at the value, as `file:line:column:`.
    @Test func errorsSayFileLineAndColumn() {
        #expect {
            try SiteConfiguration.parse("  colour = rouge\n", file: "Site/site.conf")
        } throws: { "\($0)".hasPrefix("Site/site.conf:1:3: key 'colour': unknown key") }
        #expect {
            try SiteConfiguration.parse("due_soon_days =  trois\n", file: "Site/site.conf")
        } throws: { "\($0)".hasPrefix("Site/site.conf:1:18: key 'due_soon_days': bad value 'trois'") }
    }

    /// A patron's folder is reached by its address alone: never over plain HTTP.
    @Test func thePrivateBaseURLMustBeHTTPS() throws {
        #expect(throws: InputProblems.self) { try SiteConfiguration.parse("private_base_url = http://x.example/espace/", file: "f") }
        #expect(try SiteConfiguration.parse("private_base_url = https://x.example/espace", file: "f").privateBaseURL
                == "https://x.example/espace/")
    }

    @Test func badValuesAreNamed() {
        let cases = ["due_soon_days = trois", "history_months = 0", "time_zone = Europe/Atlantis",
                     "base_url = /relative", "network_name =", "max_renewals = -1", "line without equals"]
        for line in cases {
            #expect(throws: InputProblems.self, "\(line)") { try SiteConfiguration.parse(line, file: "site.conf") }
        }
        #expect {
            try SiteConfiguration.parse("\n\ntime_zone = Europe/Atlantis", file: "site.conf")
        } throws: { "\($0)".contains("site.conf:3:13: key 'time_zone'") && "\($0)".contains("Europe/Atlantis") }
    }
}
