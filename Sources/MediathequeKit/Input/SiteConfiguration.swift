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
    /// The path of ``privateBaseURL``, both slashes (`/espace/`): where servers map `private/`.
    public var privatePath: String { PublicPageContext.basePath(of: privateBaseURL) }
    /// IANA zone of every local time in the inputs.
    public var timeZone = "Europe/Paris"
    public var rules = Rules()
    /// Sessions shown on the home page under "À la une".
    public var featuredCount = 6
    /// Hint to calendar apps: how often to poll the ICS files, in hours.
    public var calendarRefreshHours = 12
    /// The subscribed public calendars hold the sessions starting within this many months
    /// from today: Google Calendar stops reading a subscribed calendar over 1 MB.
    public var calendarMonths = 3
    /// The portal's on-line registration page for one session: `{event}` and `{session}`
    /// are replaced by the URL-encoded event and session ids (see ``registrationURL(event:session:)``).
    public var registrationURL = try! URLPattern("https://mediatheques.example/agenda/inscription?event={event}&session={session}",
                                                 placeholders: ["event", "session"], required: 2)
    /// The image a shared page shows when its event has none (Open Graph, Twitter card): an
    /// absolute http(s) URL, or a path under ``baseURL``; `nil` for none. See ``shareImageURL``.
    public var shareImage: String? = "assets/partage.png"

    /// ``shareImage`` as an absolute URL.
    public var shareImageURL: String? {
        shareImage.map { $0.contains("://") ? $0 : baseURL + $0 }
    }
    /// The portal's pages for the actions of the private pages; none by default.
    public var actions = PortalActions()
    /// The sender of the e-mail alerts of followed searches.
    public var alertFrom = MailAddress(name: "Médiathèques de Saint-Étienne", address: "alertes@mediatheques.example")
    /// The portal's page where a patron changes or stops their alerts (`List-Unsubscribe`).
    public var alertSettingsURL = "https://mediatheques.example/compte/centres-d-interet"
    /// An alert lists at most this many results of each search, then « et N autres ».
    public var alertResultsPerSearch = 5
    /// The accessibility statement's compliance, audit and contact.
    public var accessibility = AccessibilityStatement()

    public init() {}

    /// A document's record in the portal's catalogue (`catalogue_record_url`, one of the
    /// ``actions``), for the private pages, the feeds and the alerts alike; `nil` without one.
    public func catalogueRecordURL(document: Int64) -> String? {
        actions[.catalogueRecord]?.url(["document": String(document)])
    }

    /// The "S'inscrire" link of one session: ``registrationURL`` with `{event}` and `{session}`
    /// replaced by the ids, percent-encoded (only `A-Z a-z 0-9 - . _ ~` are left as they are).
    public func registrationURL(event: String, session: String) -> String {
        registrationURL.url(["event": event, "session": session])
    }

    /// Sets a key's value, or says what is wrong with it.
    typealias Setter = @Sendable (inout SiteConfiguration, String) -> String?

    static let keys = settingKeys
        .merging(PortalActions.Action.allCases.map { ($0.key, actionSetter($0)) }) { first, _ in first }
        .merging(AccessibilityStatement.keys) { first, _ in first }

    private static func actionSetter(_ action: PortalActions.Action) -> Setter {
        { c, v in
            do { try c.actions.set(action, v) } catch { return "\(error)" }
            return nil
        }
    }

    private static let settingKeys: [String: Setter] = [
        "network_name": { c, v in v.isEmpty ? "must not be empty" : { c.networkName = v; return nil }() },
        "base_url": { c, v in
            guard let url = URL(string: v), ["http", "https"].contains(url.scheme ?? ""), url.host != nil
            else { return "must be an absolute http(s) URL" }
            c.baseURL = v.hasSuffix("/") ? v : v + "/"
            return nil
        },
        "share_image": { c, v in
            if v.isEmpty { c.shareImage = nil; return nil }
            let absolute = URL(string: v).map { ["http", "https"].contains($0.scheme ?? "") && $0.host != nil } ?? false
            let path = !v.contains(":") && !v.hasPrefix("/") && v.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0 != "\\" }
            guard absolute || path else { return "must be an absolute http(s) URL, a path under base_url, or empty for none" }
            c.shareImage = v
            return nil
        },
        "private_base_url": { c, v in
            // The folders' URLs are capabilities: over plain HTTP, anyone on the way could read and keep them.
            guard let url = URL(string: v), url.scheme == "https", url.host != nil
            else { return "must be an absolute https URL: a patron's folder is reached by its address alone" }
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
        "calendar_months": { c, v in integer(v, 1...24) { c.calendarMonths = $0 } },
        "registration_url": { c, v in
            do { c.registrationURL = try URLPattern(v, placeholders: ["event", "session"], required: 2) } catch { return "\(error)" }
            return nil
        },
        "alert_from": { c, v in
            guard let address = MailAddress.parse(v) else { return "must be an e-mail address, alone or as 'Name <local@domain>'" }
            c.alertFrom = address
            return nil
        },
        "alert_settings_url": { c, v in
            do { c.alertSettingsURL = try URLPattern(v, placeholders: []).url() } catch { return "\(error)" }
            return nil
        },
        "alert_results_per_search": { c, v in integer(v, 1...50) { c.alertResultsPerSearch = $0 } },
    ]


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
            // Columns in characters, from the raw line: where the key, and its value, start.
            let keyColumn = (rawLine.firstIndex { !$0.isWhitespace }.map { rawLine.distance(from: rawLine.startIndex, to: $0) } ?? 0) + 1
            let valueColumn = rawLine.firstIndex(of: "=").map { equals in
                (rawLine[rawLine.index(after: equals)...].firstIndex { !$0.isWhitespace } ?? rawLine.endIndex)
            }.map { rawLine.distance(from: rawLine.startIndex, to: $0) + 1 } ?? keyColumn
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                problems.report(InputProblem(file: file, place: .line(number, column: 1),
                                             message: "expected 'key = value'"))
                continue
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if let retired = retiredKeys[key] {
                problems.report(InputProblem(file: file, place: .key(key, line: number, column: keyColumn), message: retired))
                continue
            }
            guard let apply = keys[key] else {
                let known = keys.keys.sorted().joined(separator: ", ")
                problems.report(InputProblem(file: file, place: .key(key, line: number, column: keyColumn),
                                             message: "unknown key (known keys: \(known))"))
                continue
            }
            if !seen.insert(key).inserted {
                problems.report(InputProblem(file: file, place: .key(key, line: number, column: keyColumn), message: "key set twice"))
            }
            if let error = apply(&config, value) {
                problems.report(InputProblem(file: file, place: .key(key, line: number, column: valueColumn),
                                             message: "bad value '\(value)': \(error)"))
            }
        }
        if let problem = config.accessibility.problem { problems.report(InputProblem(file: file, message: problem)) }
        try problems.throwIfAny()
        return config
    }

    /// The fonts the summary PDF is set in, in the site folder `directory`: when it holds
    /// any, they replace the system's fonts of their families (Site/fonts/README.md).
    public static func fontsDirectory(in directory: URL) -> URL {
        directory.appendingPathComponent("fonts")
    }

    /// Reads `site.conf` in `directory`.
    /// - Throws: ``InputProblem`` when the folder or its `site.conf` is missing: a build with
    ///   the defaults and without the site's assets would publish pages linking a stylesheet
    ///   that is not there.
    public static func load(from directory: URL) throws -> SiteConfiguration {
        let url = directory.appendingPathComponent("site.conf")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw InputProblem(file: directory.path, message: "is not a folder: --site names the folder holding site.conf and assets/")
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw InputProblem(file: url.path, message: "is missing: the site folder needs its configuration (see Site/site.conf)")
        }
        guard let data = FileManager.default.contents(atPath: url.path),
              let text = String(data: data, encoding: .utf8) else {
            throw InputProblem(file: url.path, message: "cannot be read as UTF-8 text")
        }
        return try parse(text, file: url.path)
    }
}
