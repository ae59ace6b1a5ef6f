import Foundation
import HTTPTypes

/// The headers every server of the bundle sends, as the production configurations do
/// (`deploy/nginx/mediatheque-bundle.conf`, `deploy/caddy/Caddyfile`): `PreviewServerRulesTests`
/// checks these tables against both files, and `Tests/Publishing/server_checks.py` asks the
/// three servers the same questions.
enum ResponseRules {
    /// The bundle's content types by extension: every text file the build writes is UTF-8;
    /// JSON takes no charset (RFC 8259 §11).
    static let contentTypes: [String: String] = [
        "html": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "ics": "text/calendar; charset=utf-8",
        "rss": "application/rss+xml; charset=utf-8",
        "json": "application/json",
        "pdf": "application/pdf",
        "xml": "application/xml; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "svg": "image/svg+xml; charset=utf-8",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "webp": "image/webp",
        "ico": "image/x-icon",
        "woff2": "font/woff2",
        "js": "text/javascript; charset=utf-8",
    ]
    static let html = "text/html; charset=utf-8"

    /// The content type of the file at `path`.
    static func contentType(of path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        return contentTypes[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }

    /// On every answer. (Strict-Transport-Security, which production sends over HTTPS, means
    /// nothing over the preview's plain HTTP.)
    static let everywhere: HTTPFields = [.xContentTypeOptions: "nosniff"]

    /// On every answer under the private path, found or not: a patron's URL is a capability
    /// (W3C TAG, "Good Practices for Capability URLs"), so nothing may leak, index or keep it.
    static let privatePath: HTTPFields = [
        .xRobotsTag: "noindex, nofollow",
        .referrerPolicy: "no-referrer",
        .cacheControl: "private, no-store",
    ]

    /// The headers of an answer in `area`.
    static func headers(for area: BundleRoute.Area) -> HTTPFields {
        area == .private ? everywhere + privatePath : everywhere
    }

    /// Whether a request's `Accept-Encoding` takes gzip (a `gzip` coding whose weight is not 0).
    static func acceptsGzip(_ acceptEncoding: String?) -> Bool {
        guard let acceptEncoding else { return false }
        return acceptEncoding.split(separator: ",").contains { coding in
            let parts = coding.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard parts.first == "gzip" || parts.first == "x-gzip" else { return false }
            let weight = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) }
            return weight.map { $0 > 0 } ?? true
        }
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
    static let xRobotsTag = Self("X-Robots-Tag")!
    static let referrerPolicy = Self("Referrer-Policy")!
}

func + (lhs: HTTPFields, rhs: HTTPFields) -> HTTPFields {
    var all = lhs
    all.append(contentsOf: rhs)
    return all
}
