import Foundation
import MediathequeKit

/// Progress of a build on standard error: on a terminal, one line redrawn with counts
/// and an estimate of the time left; elsewhere (CI logs), a plain line per stage and
/// every tenth of the patrons.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let start = Date()
    private var patronsStart: Date?
    private var lastDraw = Date.distantPast
    private var lastTenth = 0
    private var drawn = false

    func report(_ event: BuildProgress) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .stage(let name):
            finishLine()
            write("\(name)…\n")
        case .patrons(let done, let total):
            if patronsStart == nil { patronsStart = Date() }
            let elapsed = Date().timeIntervalSince(patronsStart!)
            if isTerminal {
                guard done == total || Date().timeIntervalSince(lastDraw) > 0.2 else { return }
                lastDraw = Date()
                let rate = elapsed > 0 ? Double(done) / elapsed : 0
                let left = rate > 0 ? Int(Double(total - done) / rate) : 0
                write("\r\u{1B}[2K  \(done)/\(total) patrons (\(Int(rate))/s), about \(left / 60) min \(left % 60) s left")
                drawn = true
                if done == total { finishLine() }
            } else if total >= 1000 {
                let tenth = done * 10 / total
                if tenth > lastTenth {
                    lastTenth = tenth
                    write("  \(done)/\(total) patrons, \(String(format: "%.1f", elapsed)) s\n")
                }
            }
        }
    }

    private func finishLine() {
        if drawn { write("\n"); drawn = false }
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
