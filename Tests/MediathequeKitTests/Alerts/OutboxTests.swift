import Foundation
import Testing
@testable import MediathequeKit

/// The outbox: a day's batch swapped in whole, never inside a bundle, never replaced once
/// sending began; each message sent at most once, a refused one kept with its error.
@Suite(.serialized)
struct OutboxTests {
    static let day = Day(iso: "2026-12-07")!

    func batch(_ names: [String], in outbox: Outbox) throws {
        let writer = try OutboxWriter(outbox: outbox, day: Self.day)
        for name in names { try writer.add(name: name, bytes: Array("To: x@example.org\r\n\r\n\(name)\r\n".utf8)) }
        try writer.commit()
    }

    func names(_ folder: URL) -> [String] { Outbox.messages(in: folder).map(\.lastPathComponent) }

    @Test func aBatchAppearsWholeOrNotAtAll() throws {
        let dir = try TemporaryDirectory()
        let outbox = Outbox(root: dir.url.appendingPathComponent("outbox"))
        let writer = try OutboxWriter(outbox: outbox, day: Self.day)
        try writer.add(name: "a", bytes: [65])
        #expect(try outbox.batches().isEmpty, "nothing visible before the commit")
        writer.abandon()
        #expect(try outbox.batches().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox.root.path).filter { !$0.hasPrefix(".lock") }.isEmpty)
        try batch(["a", "b"], in: outbox)
        #expect(names(outbox.batch(Self.day)) == ["a.eml", "b.eml"])
        try batch(["c"], in: outbox)
        #expect(names(outbox.batch(Self.day)) == ["c.eml"], "an unsent batch of the same day is replaced")
    }

    @Test func aBatchBeingSentIsNeverReplaced() throws {
        let dir = try TemporaryDirectory()
        let outbox = Outbox(root: dir.url.appendingPathComponent("outbox"))
        try batch(["a", "b"], in: outbox)
        #expect(try OutboxSender(outbox: outbox, command: ["true"]).run().sent == 2)
        #expect(throws: OutputError.self) { try batch(["c"], in: outbox) }
        #expect(names(outbox.batch(Self.day).appendingPathComponent("sent")) == ["a.eml", "b.eml"])
        #expect(names(outbox.batch(Self.day)).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox.root.path).filter { $0.contains("staging") }.isEmpty)
    }

    @Test func anOutboxInsideABundleIsRefused() throws {
        let dir = try TemporaryDirectory()
        try dir.write("_site/build-manifest.tsv", "")
        #expect(throws: OutputError.self) { _ = try OutboxWriter(outbox: Outbox(root: dir.url.appendingPathComponent("_site/private/outbox")), day: Self.day) }
        #expect(throws: OutputError.self) { _ = try OutboxWriter(outbox: Outbox(root: dir.url.appendingPathComponent("_site")), day: Self.day) }
    }

    @Test func aRefusedMessageIsKeptWithItsErrorAndSentNextTime() throws {
        let dir = try TemporaryDirectory()
        let outbox = Outbox(root: dir.url.appendingPathComponent("outbox"))
        try batch(["a"], in: outbox)
        let failed = try OutboxSender(outbox: outbox, command: ["sh", "-c", "echo 'relay down' >&2; exit 75"]).run()
        #expect(failed.sent == 0 && failed.failed.count == 1 && !failed.succeeded)
        let folder = outbox.batch(Self.day)
        #expect(names(folder) == ["a.eml"])
        let error = try String(contentsOf: folder.appendingPathComponent("a.error"), encoding: .utf8)
        #expect(error.contains("exit status 75") && error.contains("relay down"))
        let copies = dir.url.appendingPathComponent("copies")
        try FileManager.default.createDirectory(at: copies, withIntermediateDirectories: true)
        let sent = try OutboxSender(outbox: outbox, command: ["sh", "-c", "cat > \(copies.path)/$$"]).run()
        #expect(sent.sent == 1 && sent.succeeded)
        #expect(names(folder.appendingPathComponent("sent")) == ["a.eml"])
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("a.error").path))
        let received = try FileManager.default.contentsOfDirectory(at: copies, includingPropertiesForKeys: nil)
        #expect(try received.map { try Data(contentsOf: $0) } == [Data("To: x@example.org\r\n\r\na\r\n".utf8)])
    }

    @Test func aMessageLeftInSendingIsReportedNeverResent() throws {
        let dir = try TemporaryDirectory()
        let outbox = Outbox(root: dir.url.appendingPathComponent("outbox"))
        try batch(["a", "b"], in: outbox)
        let folder = outbox.batch(Self.day)
        // As a run killed while the mail command had `a`.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sending"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: folder.appendingPathComponent("a.eml"), to: folder.appendingPathComponent("sending/a.eml"))
        let report = try OutboxSender(outbox: outbox, command: ["true"]).run()
        #expect(report.sent == 1 && report.uncertain == [folder.appendingPathComponent("sending/a.eml").path] && !report.succeeded)
        #expect(names(folder.appendingPathComponent("sent")) == ["b.eml"])
        #expect(names(folder.appendingPathComponent("sending")) == ["a.eml"])
    }

    @Test func aMissingCommandFailsEachMessage() throws {
        let dir = try TemporaryDirectory()
        let outbox = Outbox(root: dir.url.appendingPathComponent("outbox"))
        try batch(["a"], in: outbox)
        let report = try OutboxSender(outbox: outbox, command: ["/nonexistent/sendmail", "-t"]).run()
        #expect(report.failed.count == 1)
        #expect(names(outbox.batch(Self.day)) == ["a.eml"])
    }

    @Test func thereIsNothingToSendFromAMissingOutbox() throws {
        let dir = try TemporaryDirectory()
        let outbox = Outbox(root: dir.url.appendingPathComponent("typo"))
        #expect(throws: OutputError.self) { _ = try OutboxSender(outbox: outbox, command: ["true"]).run() }
        #expect(!FileManager.default.fileExists(atPath: outbox.root.path))
    }

    @Test func twoRunsNeverShareTheOutbox() throws {
        let dir = try TemporaryDirectory()
        let outbox = Outbox(root: dir.url.appendingPathComponent("outbox"))
        let lock = try outbox.lock()
        #expect(throws: OutputError.self) { _ = try OutboxSender(outbox: outbox, command: ["true"]).run() }
        withExtendedLifetime(lock) {}
    }
}
