import Foundation

/// Hands each message of the outbox to the system's mail submission command (`sendmail -t`
/// reads the recipients from the message), one at a time, and never one twice.
///
/// Each message goes through three moves, each a `rename` within its batch:
/// 1. `<batch>/<id>.eml` → `<batch>/sending/<id>.eml`, made durable before the command starts;
/// 2. the command reads it on its standard input;
/// 3. on success (exit status 0) → `<batch>/sent/<id>.eml`; on failure it goes back to
///    `<batch>/<id>.eml`, with the command's status and output in `<batch>/<id>.error`, and the
///    next run tries it again.
///
/// A run killed between 1 and 3 leaves that one message in `sending/`: the command may or may
/// not have accepted it, so no later run sends it again (at most once); each run reports it
/// until someone moves it to `sent/` or back to the batch. Everything else is sent by the next
/// run, exactly once. The outbox's lock keeps two runs from sending the same message.
public struct OutboxSender {
    public let outbox: Outbox
    /// The command and its arguments, run without a shell (the program is looked up on the `PATH`).
    public let command: [String]

    public init(outbox: Outbox, command: [String]) {
        self.outbox = outbox
        self.command = command
    }

    /// What a run did.
    public struct Report: Sendable, CustomStringConvertible {
        public var sent = 0
        /// Messages the command refused, with the `.error` file that says why.
        public var failed: [String] = []
        /// Messages left in `sending/` by an interrupted run: maybe sent, never sent again.
        public var uncertain: [String] = []

        public var succeeded: Bool { failed.isEmpty && uncertain.isEmpty }

        public var description: String {
            var lines = ["\(sent) message\(sent == 1 ? "" : "s") sent, \(failed.count) failed"]
            lines += failed.map { "failed (kept, to send again next run): \($0)" }
            lines += uncertain.map {
                "interrupted while being sent (maybe delivered, not sent again): \($0); check the mail log, then move it to sent/ or back to its batch"
            }
            return lines.joined(separator: "\n")
        }
    }

    /// Sends every message waiting in the outbox, oldest batch first.
    /// - Parameter progress: told of each message handed over (its path) and whether the command accepted it.
    /// - Throws: ``OutputError`` when there is no such outbox, it is locked or a message cannot
    ///   be moved; a refused message is not thrown but reported (``Report/failed``).
    public func run(progress: (String, Bool) -> Void = { _, _ in }) throws -> Report {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: outbox.root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw OutputError(path: outbox.root.path, message: "no such outbox ('mediatheque alerts --outbox' makes it)")
        }
        let lock = try outbox.lock()
        defer { withExtendedLifetime(lock) {} }
        var report = Report()
        for batch in try outbox.batches() {
            report.uncertain += Outbox.messages(in: batch.appendingPathComponent(Outbox.sendingFolder)).map(\.path)
            for message in Outbox.messages(in: batch) {
                let accepted = try send(message, in: batch)
                progress(message.path, accepted)
                if accepted { report.sent += 1 } else { report.failed.append(Self.errorFile(of: message).path) }
            }
        }
        return report
    }

    private func send(_ message: URL, in batch: URL) throws -> Bool {
        let name = message.lastPathComponent
        let sending = batch.appendingPathComponent(Outbox.sendingFolder, isDirectory: true)
        let sent = batch.appendingPathComponent(Outbox.sentFolder, isDirectory: true)
        try FileManager.default.createDirectory(at: sending, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: sent, withIntermediateDirectories: true)
        let inFlight = sending.appendingPathComponent(name)
        try move(message, to: inFlight)
        Outbox.sync(sending.path)
        Outbox.sync(batch.path)
        let outcome = submit(inFlight)
        let errorFile = Self.errorFile(of: message)
        if outcome.status == 0 {
            try move(inFlight, to: sent.appendingPathComponent(name))
            try? FileManager.default.removeItem(at: errorFile)
            return true
        }
        let report = "\(command.joined(separator: " ")): \(outcome.reason)\n\(outcome.output)"
        try? Data(report.utf8).write(to: errorFile, options: .atomic)
        try move(inFlight, to: message)
        return false
    }

    /// Runs the command with the message on its standard input, its output collected in a file.
    private func submit(_ message: URL) -> (status: Int32, reason: String, output: String) {
        guard let input = FileHandle(forReadingAtPath: message.path) else { return (-1, "cannot read the message", "") }
        defer { try? input.close() }
        let outputURL = outbox.root.appendingPathComponent(".send-output-\(getpid())")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputURL) }
        guard let output = FileHandle(forWritingAtPath: outputURL.path) else { return (-1, "cannot collect its output", "") }
        let process = Process()
        // env finds the program on the PATH and becomes it (same process): no shell in between.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["--"] + command
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        do {
            try process.run()
        } catch {
            try? output.close()
            return (-1, "cannot be started (\(error.localizedDescription))", "")
        }
        process.waitUntilExit()
        try? output.close()
        let text = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
        let status = process.terminationStatus
        if process.terminationReason == .uncaughtSignal { return (status == 0 ? -1 : -status, "killed by signal \(status)", text) }
        return (status, "exit status \(status)", text)
    }

    private func move(_ from: URL, to: URL) throws {
        guard rename(from.path, to.path) == 0 else {
            throw OutputError(path: from.path, message: "cannot move it to \(to.path) (\(String(cString: strerror(errno))))")
        }
    }

    static func errorFile(of message: URL) -> URL {
        message.deletingPathExtension().appendingPathExtension(Outbox.errorExtension)
    }
}
