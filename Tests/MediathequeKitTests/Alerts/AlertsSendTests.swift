import Foundation
import Testing
@testable import MediathequeKit

/// `mediatheque send` through a real mail submission program: msmtp relays the demo's
/// messages to a local SMTP server (aiosmtpd, `Tests/Validators/smtp_sink.py`), which must
/// receive each one once, byte for byte. A run killed part-way, then run again, sends the
/// rest and nothing twice.
@Suite(.serialized)
struct AlertsSendTests {
    /// The local SMTP server, stopped when the test ends.
    final class Sink {
        let folder: URL
        let process = Process()
        let port: Int

        init(in folder: URL) throws {
            self.folder = folder
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            process.executableURL = Validators.python
            process.arguments = [MailTools.validators.appendingPathComponent("smtp_sink.py").path, folder.path]
            try process.run()
            let portFile = folder.appendingPathComponent("port")
            let deadline = Date().addingTimeInterval(30)
            while !FileManager.default.fileExists(atPath: portFile.path), process.isRunning, Date() < deadline { usleep(50_000) }
            guard let text = try? String(contentsOf: portFile, encoding: .utf8), let port = Int(text) else {
                process.terminate()
                throw ValidatorUnavailable(message: "smtp_sink.py did not start")
            }
            self.port = port
        }

        func stop() {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }

        deinit { stop() }

        /// Every message received: its bytes and the envelope's recipients.
        func received() throws -> [(bytes: Data, recipients: [String])] {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".eml") }
            return try names.sorted().map { name in
                let envelope = folder.appendingPathComponent(name.replacingOccurrences(of: ".eml", with: ".json"))
                let json = try JSONSerialization.jsonObject(with: Data(contentsOf: envelope)) as? [String: Any]
                return (try Data(contentsOf: folder.appendingPathComponent(name)), json?["rcpt_tos"] as? [String] ?? [])
            }
        }
    }

    static func messageID(_ bytes: Data) -> String? {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n").first { $0.hasPrefix("Message-Id: ") }
    }

    /// The address of the To header: its last `<…>`, the header unfolded.
    static func recipient(_ bytes: Data) -> String? {
        let head = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n\r\n")[0]
            .replacingOccurrences(of: "\r\n ", with: " ").replacingOccurrences(of: "\r\n\t", with: " ")
        guard let to = head.components(separatedBy: "\r\n").first(where: { $0.hasPrefix("To: ") }),
              let open = to.lastIndex(of: "<"), let close = to.lastIndex(of: ">"), open < close else { return nil }
        return String(to[to.index(after: open)..<close])
    }

    @Test(.requiresSMTPRelay) func eachMessageArrivesOnceEvenAfterACrash() throws {
        let dir = try TemporaryDirectory()
        let outbox = dir.url.appendingPathComponent("outbox")
        let made = try Command.run(["alerts", "--today", AlertsDemoTests.monday, "--outbox", outbox.path])
        #expect(made.status == 0, "\(made.stderr)")
        let batch = outbox.appendingPathComponent(AlertsDemoTests.monday)
        let messages = Outbox.messages(in: batch)
        try #require(messages.count >= 5)
        let written = try Dictionary(uniqueKeysWithValues: messages.map { ($0.lastPathComponent, try Data(contentsOf: $0)) })

        let sink = try Sink(in: dir.url.appendingPathComponent("sink"))
        defer { sink.stop() }
        let conf = dir.url.appendingPathComponent("msmtp.conf")
        try Data("account default\nhost 127.0.0.1\nport \(sink.port)\nfrom alertes@mediatheques.example\nauth off\ntls off\n".utf8).write(to: conf)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: conf.path)  // msmtp's requirement
        let msmtp = "\(MailTools.msmtp!.path) -C \(conf.path) -t"

        // Killed (SIGKILL) right after the relay took the third message, before it was recorded as sent.
        let crash = "bash \(MailTools.validators.appendingPathComponent("sendmail_then_crash.sh").path) \(dir.path("counter")) 3 \(msmtp)"
        let killed = try Command.run(["send", "--outbox", outbox.path, "--sendmail", crash])
        #expect(killed.status != 0)
        #expect(Outbox.messages(in: batch.appendingPathComponent("sent")).count == 2)
        let inFlight = Outbox.messages(in: batch.appendingPathComponent("sending"))
        #expect(inFlight.count == 1)
        #expect(Outbox.messages(in: batch).count == messages.count - 3)

        // The rerun sends the rest, and reports the one the crash left in sending/ without sending it again.
        let rerun = try Command.run(["send", "--outbox", outbox.path, "--sendmail", msmtp])
        #expect(rerun.status == 1)
        #expect(rerun.stdout.contains("\(messages.count - 3) messages sent, 0 failed"), "\(rerun.stdout)")
        #expect(rerun.stdout.contains("interrupted while being sent (maybe delivered, not sent again): \(inFlight[0].path)"))
        #expect(Outbox.messages(in: batch).isEmpty)
        #expect(Outbox.messages(in: batch.appendingPathComponent("sent")).count == messages.count - 1)

        // Once the operator has checked the mail log and moved it to sent/, all is done, and nothing is sent again.
        try FileManager.default.moveItem(at: inFlight[0], to: batch.appendingPathComponent("sent").appendingPathComponent(inFlight[0].lastPathComponent))
        let last = try Command.run(["send", "--outbox", outbox.path, "--sendmail", msmtp])
        #expect(last.status == 0 && last.stdout.contains("0 messages sent, 0 failed"), "\(last.stdout)\(last.stderr)")

        sink.stop()
        let received = try sink.received()
        #expect(received.count == messages.count, "each message once")
        var seen = Set<String>()
        for (bytes, recipients) in received {
            let id = try #require(Self.messageID(bytes))
            #expect(seen.insert(id).inserted, "\(id) received twice")
            // Byte for byte: msmtp sends the file's CRLF lines as they are, dot-stuffing what
            // SMTP requires, which the server undoes; neither adds a header.
            let file = try #require(written.first { Self.messageID($0.value) == id })
            #expect(bytes == file.value, "\(file.key) arrived changed")
            #expect(recipients == [Self.recipient(file.value) ?? "?"], "the envelope's recipient is the To address")
        }
    }

    @Test(.requiresSMTPRelay) func aRefusedMessageIsKeptWithTheRelaysError() throws {
        let dir = try TemporaryDirectory()
        let outbox = dir.url.appendingPathComponent("outbox")
        #expect(try Command.run(["alerts", "--today", AlertsDemoTests.wednesday, "--outbox", outbox.path]).status == 0)
        let batch = outbox.appendingPathComponent(AlertsDemoTests.wednesday)
        let count = Outbox.messages(in: batch).count
        // Nothing listens on this port: msmtp fails, every message stays, with msmtp's words.
        let conf = dir.url.appendingPathComponent("msmtp.conf")
        try Data("account default\nhost 127.0.0.1\nport 9\nfrom alertes@mediatheques.example\nauth off\ntls off\n".utf8).write(to: conf)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: conf.path)
        let result = try Command.run(["send", "--outbox", outbox.path, "--sendmail", "\(MailTools.msmtp!.path) -C \(conf.path) -t"])
        #expect(result.status == 1 && result.stdout.contains("0 messages sent, \(count) failed"), "\(result.stdout)")
        #expect(Outbox.messages(in: batch).count == count)
        let errors = try FileManager.default.contentsOfDirectory(atPath: batch.path).filter { $0.hasSuffix(".error") }
        #expect(errors.count == count)
        let error = try String(contentsOf: batch.appendingPathComponent(errors[0]), encoding: .utf8)
        #expect(error.contains("msmtp") && error.contains("exit status"), "\(error)")
    }
}
