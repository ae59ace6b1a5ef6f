import Testing
@testable import MediathequeKit

/// Calendar text and markup return a text as it is when nothing in it needs escaping
/// or cleaning: for every scalar, alone or beside a carriage return, the result is what
/// escaping scalar by scalar gives (the rules, written out here once more as the oracle).
struct EscapingShortcutTests {
    /// Every scalar of the Basic Multilingual Plane but the surrogates, and some beyond it.
    static let scalars: [Unicode.Scalar] = (0...0xFFFF).compactMap(Unicode.Scalar.init)
        + [0x1F600, 0x1FFFE, 0x1FFFF, 0x10FFFF].compactMap(Unicode.Scalar.init)

    static func texts(_ scalar: Unicode.Scalar) -> [String] {
        let s = String(scalar)
        return ["a\(s)b", s, "\(s)\r\n", "\r\(s)"]
    }

    static func calendarOracle(_ text: String) -> String {
        let withoutCR = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\r" }))
        var escaped = ""
        for scalar in Text.clean(withoutCR).unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n": escaped += "\\n"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    static func markupOracle(_ text: String) -> String {
        var escaped = ""
        for scalar in Text.clean(text).unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    @Test func calendarTextIsEscapedAsScalarByScalar() {
        var differing: [String] = []
        for scalar in Self.scalars {
            for text in Self.texts(scalar) where ICalendarWriter.escape(text) != Self.calendarOracle(text) {
                differing.append(String(scalar.value, radix: 16))
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(20))")
    }

    @Test func markupIsEscapedAsScalarByScalar() {
        var differing: [String] = []
        for scalar in Self.scalars {
            for text in Self.texts(scalar) where Text.escapeMarkup(text) != Self.markupOracle(text) {
                differing.append(String(scalar.value, radix: 16))
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(20))")
    }
}
