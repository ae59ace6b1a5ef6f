/// A URL of the library's portal in which placeholders (`{loan}`, `{document}`…) stand
/// for the ids of the object a link acts on, from `Site/site.conf`.
///
/// Parsed once: a link is then its literal parts and the ids, percent-encoded, joined
/// (no search and replace per link: a build makes millions).
///
/// ```swift
/// let cancel = try URLPattern("https://portail.example/reservations/annuler?id={hold}", placeholders: ["hold"])
/// cancel.url(["hold": "42"])   // "https://portail.example/reservations/annuler?id=42"
/// ```
public struct URLPattern: Hashable, Sendable, CustomStringConvertible {
    enum Part: Hashable, Sendable {
        case literal(String)
        case placeholder(String)
    }

    let parts: [Part]
    public let description: String

    /// - Parameters:
    ///   - text: an absolute http(s) URL of printable ASCII.
    ///   - placeholders: the names the pattern may hold; `required` says how many of them it
    ///     must hold at least (a link to one loan needs `{loan}` or `{barcode}`).
    /// - Throws: a sentence saying what is wrong, for the configuration's error.
    public init(_ text: String, placeholders: [String], required: Int = 0) throws(Problem) {
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { throw Problem("has a '{' that is not closed") }
            let name = String(rest[rest.index(after: open)..<close])
            guard placeholders.contains(name) else { throw Problem(Self.unknown(name, placeholders)) }
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
            parts.append(.placeholder(name))
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { parts.append(.literal(literal)) }
        let named = Set(parts.compactMap { if case .placeholder(let name) = $0 { name } else { nil } })
        if named.count < required {
            let names = placeholders.map { "{\($0)}" }.joined(separator: required == placeholders.count ? " and " : " or ")
            throw Problem("must hold \(names): the id of what the link acts on")
        }
        let sample = parts.map { part in if case .literal(let text) = part { text } else { "1" } }.joined()
        guard sample.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }),
              let scheme = sample.split(separator: ":", maxSplits: 1).first?.lowercased(),
              ["http", "https"].contains(scheme), sample.dropFirst(scheme.count).hasPrefix("://"),
              sample.count > scheme.count + 3
        else { throw Problem("must be an absolute http(s) URL of printable ASCII characters") }
        self.parts = parts
        description = text
    }

    /// The URL with each placeholder replaced by its value, percent-encoded (only
    /// `A-Z a-z 0-9 - . _ ~` are left as they are).
    public func url(_ values: KeyValuePairs<String, String> = [:]) -> String {
        var url = ""
        for part in parts {
            switch part {
            case .literal(let text): url += text
            case .placeholder(let name):
                url += Self.percentEncoded(values.first { $0.key == name }?.value ?? "")
            }
        }
        return url
    }

    /// Percent-encodes every byte of the UTF-8 form except the URL's unreserved characters.
    public static func percentEncoded(_ text: String) -> String {
        guard !text.utf8.allSatisfy(isUnreserved) else { return text }
        var result = ""
        for byte in text.utf8 {
            if isUnreserved(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += byte < 16 ? "%0" + hex : "%" + hex
            }
        }
        return result
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default: false
        }
    }

    private static func unknown(_ name: String, _ placeholders: [String]) -> String {
        let known = placeholders.isEmpty ? "none" : placeholders.map { "{\($0)}" }.joined(separator: ", ")
        return "has an unknown placeholder {\(name)} (this key takes \(known))"
    }

    /// Why a pattern was refused.
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}
