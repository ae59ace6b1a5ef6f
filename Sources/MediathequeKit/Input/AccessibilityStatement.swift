/// What the accessibility statement (`public/accessibilite/index.html`) declares, read from
/// `Site/site.conf`: the site's compliance with RGAA 4.1, the audit it rests on, and
/// whom to contact. The footer of every page, public and private, states the compliance
/// and links to the statement, as RGAA requires.
public struct AccessibilityStatement: Hashable, Sendable {
    /// The three states the law allows (décret 2019-768, art. 3).
    /// Written in `site.conf` as the statement words them (``label``).
    public enum Compliance: CaseIterable, Sendable {
        case none, partial, full
    }

    /// With no audit, a site is "non conforme".
    public var compliance = Compliance.none
    /// The day of the audit the compliance rests on; required unless the site is "non conforme".
    public var auditDate: Day?
    /// Where a patron reports what they cannot reach: an e-mail address or an http(s) URL.
    public var contact: String?

    public init() {}

    /// The link to `contact`: `mailto:` for an e-mail address.
    public var contactHref: String? {
        contact.map { $0.contains("://") ? $0 : "mailto:" + $0 }
    }

    // MARK: - Keys of site.conf

    static let keys: [String: SiteConfiguration.Setter] = [
        "accessibility_status": { c, v in
            guard let compliance = Compliance.allCases.first(where: { $0.label == v }) else {
                return "must be one of " + Compliance.allCases.map { "'\($0.label)'" }.joined(separator: ", ")
            }
            c.accessibility.compliance = compliance
            return nil
        },
        "accessibility_audit_date": { c, v in
            guard let day = Day(iso: v) else { return "must be a date, YYYY-MM-DD" }
            c.accessibility.auditDate = day
            return nil
        },
        "accessibility_contact": { c, v in
            let isEmail = !v.contains("://") && v.split(separator: "@").count == 2 && !v.hasPrefix("@")
            let isURL = v.hasPrefix("https://") || v.hasPrefix("http://")
            guard isEmail || isURL, v.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
                return "must be an e-mail address or an absolute http(s) URL, in printable ASCII"
            }
            c.accessibility.contact = v
            return nil
        },
    ]

    /// What is wrong with the statement as a whole, once every key is read.
    var problem: String? {
        compliance != .none && auditDate == nil
            ? "accessibility_status '\(compliance.label)' needs the audit it rests on: set accessibility_audit_date"
            : nil
    }
}
