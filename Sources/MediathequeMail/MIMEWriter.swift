import CGMime
import MediathequeKit

/// Writes a ``MailMessage`` as the bytes of an RFC 5322 message with GMime: UTF-8,
/// `multipart/alternative` with the plain text first and the HTML second, each body
/// quoted-printable or base64 (whichever GMime finds shorter for the text), headers
/// encoded as RFC 2047 says and folded, every line ending in CRLF and under 998 octets.
///
/// GMime's pointers stay in this file. Deterministic: the boundary comes from the message
/// id, and nothing else varies.
public enum MIMEWriter {
    private static let initialized: Void = { g_mime_init() }()

    /// The message's bytes, ready for `sendmail -t` or SMTP.
    public static func bytes(of message: MailMessage) -> [UInt8] {
        _ = initialized
        let mime = g_mime_message_new(1)!
        defer { mq_gmime_unref(mime) }
        let object = mq_gmime_object(mime)
        add(message.from, .from, to: mime)
        add(message.to, .to, to: mime)
        g_mime_message_set_subject(mime, message.subject, "utf-8")
        g_mime_object_set_header(object, "Date", message.date, nil)
        g_mime_message_set_message_id(mime, message.messageID)
        g_mime_object_set_header(object, "List-Id", "\(message.listName) <\(message.listID)>", "utf-8")
        g_mime_object_set_header(object, "List-Unsubscribe", "<\(message.listUnsubscribe)>", nil)

        let alternative = g_mime_multipart_new_with_subtype("alternative")!
        defer { mq_gmime_unref(alternative) }
        g_mime_multipart_set_boundary(alternative, message.boundary)
        for (subtype, text) in [("plain", message.text), ("html", message.html)] {
            let part = textPart(subtype, text)
            g_mime_multipart_add(alternative, mq_gmime_object(part))
            mq_gmime_unref(part)
        }
        g_mime_message_set_mime_part(mime, mq_gmime_object(alternative))

        let options = g_mime_format_options_new()!
        defer { g_mime_format_options_free(options) }
        g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS)
        let text = g_mime_object_to_string(object, options)!
        defer { g_free(text) }
        return Array(UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text)))
    }

    private enum Role { case from, to }

    private static func add(_ address: MailAddress, _ role: Role, to mime: UnsafeMutablePointer<GMimeMessage>) {
        let mailbox = internet_address_mailbox_new(address.name, address.address)!
        defer { mq_gmime_unref(mailbox) }
        // Else GMime picks the smallest charset that holds the name (ISO-8859-1 for French).
        internet_address_set_charset(mailbox, "utf-8")
        internet_address_list_add(g_mime_message_get_addresses(mime, role == .from ? GMIME_ADDRESS_TYPE_FROM : GMIME_ADDRESS_TYPE_TO), mailbox)
    }

    /// A `text/<subtype>; charset=utf-8` part holding `text`'s UTF-8 bytes as they are
    /// (GMime's own setter would recode the text into the smallest charset that holds it).
    private static func textPart(_ subtype: String, _ text: String) -> UnsafeMutablePointer<GMimeTextPart> {
        let part = g_mime_text_part_new_with_subtype(subtype)!
        var bytes = Array(text.utf8)
        let stream = bytes.withUnsafeMutableBytes { buffer in
            g_mime_stream_mem_new_with_buffer(buffer.baseAddress?.assumingMemoryBound(to: CChar.self), buffer.count)!
        }
        let content = g_mime_data_wrapper_new_with_stream(stream, GMIME_CONTENT_ENCODING_DEFAULT)!
        mq_gmime_unref(stream)
        g_mime_part_set_content(mq_gmime_part(part), content)
        mq_gmime_unref(content)
        g_mime_text_part_set_charset(part, "utf-8")
        g_mime_part_set_content_encoding(mq_gmime_part(part), g_mime_part_get_best_content_encoding(mq_gmime_part(part), GMIME_ENCODING_CONSTRAINT_7BIT))
        return part
    }
}
