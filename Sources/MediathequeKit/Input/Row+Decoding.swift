import GRDB

/// Lenient decoding: GRDB traps on a value of the wrong type, and the inputs are
/// not trusted, so every value is read through its storage.
extension Row {
    func text(_ index: Int) -> String? {
        switch (self[index] as DatabaseValue).storage {
        case .string(let s): s
        case .int64(let i): String(i)
        case .double(let d): String(d)
        case .blob(let data): String(decoding: data, as: UTF8.self)
        case .null: nil
        }
    }

    func int(_ index: Int) -> Int? {
        switch (self[index] as DatabaseValue).storage {
        case .int64(let i): Int(i)
        case .string(let s): Int(s)
        case .double(let d): d == d.rounded() && abs(d) < 1e15 ? Int(d) : nil
        default: nil
        }
    }

    func int64(_ index: Int) -> Int64? { int(index).map(Int64.init) }

    func day(_ index: Int) -> Day? { text(index).flatMap { Day(iso: $0) } }

    func timestamp(_ index: Int) -> LocalDateTime? { text(index).flatMap { LocalDateTime(iso: $0) } }
}
