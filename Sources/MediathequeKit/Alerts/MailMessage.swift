/// An e-mail as plain values: what its headers say and its two bodies, before any
/// encoding. The MIME writer (`MediathequeMail`) turns it into the bytes of an RFC 5322
/// message, `multipart/alternative` with a plain-text and an HTML part, in UTF-8.
public struct MailMessage: Hashable, Sendable {
    public var from: MailAddress
    public var to: MailAddress
    /// Any Unicode: the writer encodes it (RFC 2047).
    public var subject: String
    /// RFC 5322 date-time: `Mon, 07 Dec 2026 00:00:00 +0100`.
    public var date: String
    /// `left@right`, without the angle brackets; stable for the same message.
    public var messageID: String
    /// RFC 2919: a phrase (any Unicode) and the list's id (`alertes.mediatheques.example`).
    public var listName: String
    public var listID: String
    /// RFC 2369: where the patron changes or stops their alerts (an absolute http(s) URL).
    public var listUnsubscribe: String
    public var text: String
    public var html: String

    public init(from: MailAddress, to: MailAddress, subject: String, date: String, messageID: String,
                listName: String, listID: String, listUnsubscribe: String, text: String, html: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.listName = listName
        self.listID = listID
        self.listUnsubscribe = listUnsubscribe
        self.text = text
        self.html = html
    }

    /// The boundary of the two parts: from the id's letters and digits before its `@`, so that the
    /// same message gives the same bytes. `=_` never occurs in quoted-printable or base64 text,
    /// so no body line can look like it.
    public var boundary: String {
        "=_" + String(String.UnicodeScalarView(messageID.unicodeScalars.prefix { $0 != "@" }
            .filter { $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) }.prefix(60)))
    }
}

/// A mailbox: an optional display name (any Unicode, encoded by the writer) and an address.
public struct MailAddress: Hashable, Sendable {
    public var name: String?
    /// An ASCII `local@domain` (``isValid(_:)``).
    public var address: String

    public init(name: String?, address: String) {
        self.name = name
        self.address = address
    }

    /// The domain of the address: what follows its `@`.
    public var domain: String { String(address[address.index(after: address.lastIndex(of: "@") ?? address.startIndex)...]) }

    /// Whether `text` is one plain address, `local@domain.tld`: ASCII, a dot-atom local part
    /// (RFC 5322 §3.4.1, no quoted form) and a domain of letter, digit and hyphen labels. Anything
    /// else (a list, a name, a line break, a non-ASCII address) is refused: sendmail `-t` reads
    /// the recipients from the headers, and a message goes to one patron only.
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count <= 254, let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return false }
        let local = bytes[..<at], domain = bytes[(at + 1)...]
        guard (1...64).contains(local.count), domain.count >= 3 else { return false }
        let atext = Set("!#$%&'*+-/=?^_`{|}~".utf8)
        func isAlnum(_ b: UInt8) -> Bool { (48...57).contains(b) || (65...90).contains(b) || (97...122).contains(b) }
        let localAtoms = local.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard localAtoms.allSatisfy({ !$0.isEmpty && $0.allSatisfy { isAlnum($0) || atext.contains($0) } }) else { return false }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            (1...63).contains(label.count) && label.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "-") }
                && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
        }
    }

    /// Parses `Name <local@domain>` or a bare `local@domain`; `nil` when the address is not valid.
    public static func parse(_ text: String) -> MailAddress? {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") else {
            return isValid(trimmed) ? MailAddress(name: nil, address: trimmed) : nil
        }
        let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        let name = String(trimmed[..<open]).trimmingWhitespace()
        guard isValid(address), !name.contains("<"), !name.contains(">") else { return nil }
        return MailAddress(name: name.isEmpty ? nil : name, address: address)
    }
}
