import Foundation
import MediathequeKit
import MediathequeMail
import Testing

/// The MIME writer's bytes, read back: headers encoded (RFC 2047) and folded, both parts
/// UTF-8 and transfer-encoded, CRLF lines under 998 octets, the same message the same bytes.
struct MIMEWriterTests {
    static let message = MailMessage(
        from: MailAddress(name: "Médiathèques de Saint-Étienne", address: "alertes@mediatheques.example"),
        to: MailAddress(name: "Éloïse Müller-Lefèvre", address: "eloise@example.org"),
        subject: "Nouveaux résultats : «\u{A0}Cuisine\u{A0}» (7), «\u{A0}漫画\u{A0}» (1)",
        date: "Mon, 07 Dec 2026 00:00:00 +0100", messageID: "alerte-20261207-0123456789abcdef01234567@mediatheques.example",
        listName: "Alertes des recherches suivies — Médiathèques", listID: "alertes.mediatheques.example",
        listUnsubscribe: "https://mediatheques.example/compte/centres-d-interet",
        text: "Bonjour Éloïse,\n\n" + String(repeating: "Une très longue ligne sans fin ", count: 80) + "\n. seul\nFrom ici\n",
        html: "<!DOCTYPE html>\n<html lang=\"fr\"><title>t</title><p>Été " + String(repeating: "é", count: 2000) + "</p></html>\n")

    var text: String { String(decoding: MIMEWriter.bytes(of: Self.message), as: UTF8.self) }

    @Test func sameMessageSameBytes() {
        #expect(MIMEWriter.bytes(of: Self.message) == MIMEWriter.bytes(of: Self.message))
    }

    @Test func everyLineEndsInCRLFAndIsShort() {
        let bytes = MIMEWriter.bytes(of: Self.message)
        #expect(bytes.allSatisfy { $0 < 0x80 }, "7-bit only: every header and body is encoded")
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.last == "")
        for line in lines {
            #expect(!line.contains("\n") && !line.contains("\r"))
            #expect(line.utf8.count <= 78 || line.hasPrefix("Content-Type"), "long line: \(line)")
        }
    }

    @Test func headersAreEncodedInUTF8() {
        let head = text.components(separatedBy: "\r\n\r\n")[0]
        #expect(head.contains("=?UTF-8?") || head.contains("=?utf-8?"))
        #expect(!head.lowercased().contains("iso-8859"))
        #expect(head.contains("Message-Id: <alerte-20261207-0123456789abcdef01234567@mediatheques.example>"))
        #expect(head.contains("Date: Mon, 07 Dec 2026 00:00:00 +0100"))
        #expect(head.contains("List-Unsubscribe: <https://mediatheques.example/compte/centres-d-interet>"))
        #expect(head.contains("MIME-Version: 1.0"))
        #expect(head.contains("multipart/alternative"))
    }

    @Test func bothPartsAreUTF8AndTransferEncoded() {
        let parts = text.components(separatedBy: "--\(Self.message.boundary)")
        #expect(parts.count == 4, "preamble, two parts, the closing delimiter")
        #expect(parts[1].contains("Content-Type: text/plain; charset=utf-8"))
        #expect(parts[2].contains("Content-Type: text/html; charset=utf-8"))
        for part in parts[1...2] {
            #expect(part.contains("Content-Transfer-Encoding: quoted-printable") || part.contains("Content-Transfer-Encoding: base64"))
        }
        #expect(parts[3].hasPrefix("--"))
    }
}
