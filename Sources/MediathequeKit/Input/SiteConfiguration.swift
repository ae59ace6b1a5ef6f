import Foundation

/// The site's settings, read from `Site/site.conf`: `key = value` lines, `#` comments.
public struct SiteConfiguration: Hashable, Sendable {
    /// Shown in every page title and in the summary PDF.
    public var networkName = "Médiathèques de Saint-Étienne"
    /// Absolute base URL of the published site, ending in `/`; feeds, sitemap and calendars need it.
    public var baseURL = "https://mediatheques.example/"
    /// Absolute URL where `private/` is published, ending in `/`: a patron's folder is
    /// `<private_base_url><token>/` (the `link` command prints these URLs).
    public var privateBaseURL = "https://mediatheques.example/espace/"
    /// IANA zone of every local time in the inputs.
    public var timeZone = "Europe/Paris"
    public var rules = Rules()
    /// Sessions shown on the home page under "À la une".
    public var featuredCount = 6
    /// Hint to calendar apps: how often to poll the ICS files, in hours.
    public var calendarRefreshHours = 12
    /// The portal's on-line registration page for one session: `{event}` and `{session}`
    /// are replaced by the URL-encoded event and session ids (see ``registrationURL(event:session:)``).
    public var registrationURL = "https://mediatheques.example/agenda/inscription?event={event}&session={session}"
    /// The portal's page of one catalogue record: `{document}` is replaced by the document's id
    /// (see ``catalogueRecordURL(document:)``); empty when the portal has no such page.
    public var catalogueRecordURL = "https://mediatheques.example/catalogue/notice?id={document}"
    /// The sender of the e-mail alerts of followed searches.
    public var alertFrom = MailAddress(name: "Médiathèques de Saint-Étienne", address: "alertes@mediatheques.example")
    /// The portal's page where a patron changes or stops their alerts (`List-Unsubscribe`).
    public var alertSettingsURL = "https://mediatheques.example/compte/centres-d-interet"
    /// An alert lists at most this many results of each search, then « et N autres ».
    public var alertResultsPerSearch = 5

    public init() {}

    /// The link of a catalogue record: ``catalogueRecordURL`` with `{document}` replaced by the
    /// percent-encoded id; `nil` when the pattern is empty.
    public func catalogueRecordURL(document: Int64) -> String? {
        catalogueRecordURL.isEmpty ? nil : catalogueRecordURL.replacingOccurrences(of: "{document}", with: Self.percentEncoded(String(document)))
    }

    /// The "S'inscrire" link of one session: ``registrationURL`` with `{event}` and `{session}`
    /// replaced by the ids, percent-encoded (only `A-Z a-z 0-9 - . _ ~` are left as they are).
    public func registrationURL(event: String, session: String) -> String {
        registrationURL
            .replacingOccurrences(of: "{event}", with: Self.percentEncoded(event))
            .replacingOccurrences(of: "{session}", with: Self.percentEncoded(session))
    }

    /// Percent-encodes every byte of the UTF-8 form except the URL's unreserved characters.
    static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += byte < 16 ? "%0" + hex : "%" + hex
            }
        }
        return result
    }

    static let keys: [String: @Sendable (inout SiteConfiguration, String) -> String?] = [
        "network_name": { c, v in v.isEmpty ? "must not be empty" : { c.networkName = v; return nil }() },
        "base_url": { c, v in
            guard let url = URL(string: v), ["http", "https"].contains(url.scheme ?? ""), url.host != nil
            else { return "must be an absolute http(s) URL" }
            c.baseURL = v.hasSuffix("/") ? v : v + "/"
            return nil
        },
        "private_base_url": { c, v in
            guard let url = URL(string: v), ["http", "https"].contains(url.scheme ?? ""), url.host != nil
            else { return "must be an absolute http(s) URL" }
            c.privateBaseURL = v.hasSuffix("/") ? v : v + "/"
            return nil
        },
        "time_zone": { c, v in
            TimeZone(identifier: v) == nil ? "'\(v)' is not an IANA time zone" : { c.timeZone = v; return nil }()
        },
        "due_soon_days": { c, v in integer(v, 0...60) { c.rules.dueSoonDays = $0 } },
        "history_months": { c, v in integer(v, 1...24) { c.rules.historyMonths = $0 } },
        "max_renewals": { c, v in integer(v, 0...10) { c.rules.maxRenewals = $0 } },
        "featured_count": { c, v in integer(v, 0...100) { c.featuredCount = $0 } },
        "calendar_refresh_hours": { c, v in integer(v, 1...168) { c.calendarRefreshHours = $0 } },
        "registration_url": { c, v in
            guard isPattern(v.replacingOccurrences(of: "{event}", with: "e").replacingOccurrences(of: "{session}", with: "s"))
            else { return "must be an absolute http(s) URL (printable ASCII, {event} and {session} as placeholders)" }
            c.registrationURL = v
            return nil
        },
        "catalogue_record_url": { c, v in
            guard v.isEmpty || (v.contains("{document}") && isPattern(v.replacingOccurrences(of: "{document}", with: "1")))
            else { return "must be empty or an absolute http(s) URL (printable ASCII) with {document} as placeholder" }
            c.catalogueRecordURL = v
            return nil
        },
        "alert_from": { c, v in
            guard let address = MailAddress.parse(v) else { return "must be an e-mail address, alone or as 'Name <local@domain>'" }
            c.alertFrom = address
            return nil
        },
        "alert_settings_url": { c, v in
            guard isPattern(v), !v.contains("{") else { return "must be an absolute http(s) URL (printable ASCII, no placeholder)" }
            c.alertSettingsURL = v
            return nil
        },
        "alert_results_per_search": { c, v in integer(v, 1...50) { c.alertResultsPerSearch = $0 } },
    ]

    /// Whether `url` is an absolute http(s) URL of printable ASCII, as every link pattern must be.
    private static func isPattern(_ url: String) -> Bool {
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil else { return false }
        return url.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F }
    }

    /// Keys earlier versions read, with what to do about them.
    static let retiredKeys = [
        "locale": "is no longer a setting: every page is in French, in the words of the library's guide; remove this line",
    ]

    private static func integer(_ text: String, _ range: ClosedRange<Int>, _ set: (Int) -> Void) -> String? {
        guard let n = Int(text), range.contains(n) else {
            return "must be a whole number from \(range.lowerBound) to \(range.upperBound)"
        }
        set(n)
        return nil
    }

    /// Parses the configuration text; every bad line is reported with its key and line.
    /// - Throws: ``InputProblems`` naming `file`, the line and the key.
    public static func parse(_ text: String, file: String) throws -> SiteConfiguration {
        var config = SiteConfiguration()
        var problems = ProblemCollector()
        var seen: Set<String> = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            let number = index + 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                problems.report(InputProblem(file: file, place: .line(number, column: 1),
                                             message: "expected 'key = value'"))
                continue
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if let retired = retiredKeys[key] {
                problems.report(InputProblem(file: file, place: .key(key, line: number), message: retired))
                continue
            }
            guard let apply = keys[key] else {
                let known = keys.keys.sorted().joined(separator: ", ")
                problems.report(InputProblem(file: file, place: .key(key, line: number),
                                             message: "unknown key (known keys: \(known))"))
                continue
            }
            if !seen.insert(key).inserted {
                problems.report(InputProblem(file: file, place: .key(key, line: number), message: "key set twice"))
            }
            if let error = apply(&config, value) {
                problems.report(InputProblem(file: file, place: .key(key, line: number),
                                             message: "bad value '\(value)': \(error)"))
            }
        }
        try problems.throwIfAny()
        return config
    }

    /// Reads `site.conf` in `directory`; a missing file means the defaults.
    public static func load(from directory: URL) throws -> SiteConfiguration {
        let url = directory.appendingPathComponent("site.conf")
        guard FileManager.default.fileExists(atPath: url.path) else { return SiteConfiguration() }
        guard let data = FileManager.default.contents(atPath: url.path),
              let text = String(data: data, encoding: .utf8) else {
            throw InputProblem(file: url.path, message: "cannot be read as UTF-8 text")
        }
        return try parse(text, file: url.path)
    }
}
