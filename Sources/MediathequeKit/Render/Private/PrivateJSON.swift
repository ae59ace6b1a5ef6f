/// A JSON value written deterministically: keys sorted, two-space indentation,
/// and every character that could matter in HTML or to a terminal escaped
/// (`<`, `>`, `&`, `'`, controls, U+2028, U+2029 as `\uXXXX`), so the export is
/// inert wherever it is pasted, and byte-identical for identical inputs.
enum PrivateJSON: Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([PrivateJSON])
    case object([String: PrivateJSON])

    static func optional(_ text: String?) -> PrivateJSON { text.map(PrivateJSON.string) ?? .null }
    static func optional(_ number: Int?) -> PrivateJSON { number.map(PrivateJSON.int) ?? .null }
    static func optional(_ day: Day?) -> PrivateJSON { day.map { .string($0.iso) } ?? .null }

    /// The pretty-printed text, ending with a line feed.
    var text: String {
        var out = ""
        write(into: &out, indent: "")
        return out + "\n"
    }

    private func write(into out: inout String, indent: String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .string(let value): Self.quote(value, into: &out)
        case .array(let values):
            if values.isEmpty { out += "[]"; return }
            let inner = indent + "  "
            out += "[\n"
            for (index, value) in values.enumerated() {
                out += inner
                value.write(into: &out, indent: inner)
                out += index == values.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            let inner = indent + "  "
            out += "{\n"
            // Sorted by UTF-8 bytes: the same order on every platform.
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                out += inner
                Self.quote(key, into: &out)
                out += ": "
                members[key]!.write(into: &out, indent: inner)
                out += index == keys.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        }
    }

    private static func quote(_ text: String, into out: inout String) {
        out += "\""
        // Most texts need no escape: appended whole.
        guard text.utf8.contains(where: mayNeedEscape) else {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "'", "\u{2028}", "\u{2029}":
                out += hex(scalar.value)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += hex(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// Whether a UTF-8 byte may start a scalar ``quote(_:into:)`` escapes: ASCII controls and
    /// the characters above, or the lead byte of U+0080–U+009F (C2) and of U+2028, U+2029 (E2).
    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case 0..<0x20, 0x7F, UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "<"), UInt8(ascii: ">"),
             UInt8(ascii: "&"), UInt8(ascii: "'"), 0xC2, 0xE2: true
        default: false
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
    }
}
