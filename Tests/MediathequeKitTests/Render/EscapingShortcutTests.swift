import Testing
@testable import MediathequeKit

/// Calendar text and markup return a text as it is when nothing in it needs escaping
/// or cleaning: for every scalar, alone or beside a carriage return, the result is what
/// escaping scalar by scalar gives.
struct EscapingShortcutTests {
    /// Every scalar of the Basic Multilingual Plane but the surrogates, and some beyond it.
    static let scalars: [Unicode.Scalar] = (0...0xFFFF).compactMap(Unicode.Scalar.init)
        + [0x1F600, 0x1FFFE, 0x1FFFF, 0x10FFFF].compactMap(Unicode.Scalar.init)

    static func texts(_ scalar: Unicode.Scalar) -> [String] {
        let s = String(scalar)
        return ["a\(s)b", s, "\(s)\r\n", "\r\(s)"]
    }

    enum Escaping: CaseIterable, Sendable {
        case calendar, markup

        func escaped(_ text: String) -> String {
            switch self {
            case .calendar: ICalendarWriter.escape(text)
            case .markup: Text.escapeMarkup(text)
            }
        }

        func escapedScalarByScalar(_ text: String) -> String {
            switch self {
            case .calendar: ICalendarWriter.escapedScalarByScalar(text)
            case .markup: Text.markupEscapedScalarByScalar(text)
            }
        }
    }

    @Test(arguments: Escaping.allCases)
    func theShortcutGivesWhatEscapingScalarByScalarGives(_ escaping: Escaping) {
        var differing: [String] = []
        for scalar in Self.scalars {
            for text in Self.texts(scalar) where escaping.escaped(text) != escaping.escapedScalarByScalar(text) {
                differing.append(String(scalar.value, radix: 16))
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(20))")
    }
}
