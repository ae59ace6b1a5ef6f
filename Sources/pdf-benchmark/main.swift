// Renders typical two-page "Synthèse de mes comptes" PDFs and prints milliseconds per
// document, on one core and on every core (one thread and one renderer per core).
//
//     swift run -c release pdf-benchmark [documents per thread, default 500] [--sample file.pdf] [--fonts Site/fonts]
//
// Not a unit test: figures depend on the machine. The bar is 16 ms/doc (one pango
// layout per cell, shaped every time); the renderer aims at 5 ms or less.
import Foundation
import MediathequeKit
import MediathequePDF

let arguments = Array(CommandLine.arguments.dropFirst())
let documents = arguments.lazy.compactMap { Int($0) }.first ?? 500
/// `--sample file.pdf` also writes the first typical document, to look at.
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
}
let samplePath = option("--sample")
/// `--fonts folder` sets the documents in the fonts of a site's `fonts/` folder, as a build does.
let fonts = try option("--fonts").map { try SummaryFonts(folder: URL(fileURLWithPath: $0)) } ?? .system
let cores = ProcessInfo.processInfo.activeProcessorCount
let samples = SampleBundles()
let rules = Rules()
let networkName = "Médiathèques de Saint-Étienne"

/// Wall-clock milliseconds of `body`.
func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
}

/// CPU time of the calling thread (or of the whole process), in milliseconds: unlike wall
/// time, it does not grow when other programs share the cores.
func cpuMilliseconds(_ clock: clockid_t = CLOCK_THREAD_CPUTIME_ID) -> Double {
    var time = timespec()
    clock_gettime(clock, &time)
    return Double(time.tv_sec) * 1_000 + Double(time.tv_nsec) / 1e6
}

/// Renders `count` documents starting at patron `first` with a fresh renderer; returns the bytes written.
func run(first: Int, count: Int) throws -> Int {
    let renderer = SummaryPDFRenderer(networkName: networkName, rules: rules, fonts: fonts)
    var bytes = 0
    for n in first..<(first + count) {
        bytes += try renderer.render(samples.bundle(n), today: samples.today, sessions: samples.session).count
    }
    return bytes
}

/// Counts the pages of a PDF cairo wrote (each page object says `/Type /Page`, the tree `/Type /Pages`).
func pageCount(_ pdf: [UInt8]) -> Int {
    let text = String(decoding: pdf, as: UTF8.self)
    return text.components(separatedBy: "/Type /Page").count - 1 - (text.components(separatedBy: "/Type /Pages").count - 1)
}

let probe = try SummaryPDFRenderer(networkName: networkName, rules: rules, fonts: fonts)
    .render(samples.bundle(0), today: samples.today, sessions: samples.session)
print("typical document: \(pageCount(probe)) pages, \(probe.count / 1024) KiB")
if let samplePath {
    try Data(probe).write(to: URL(fileURLWithPath: samplePath))
    print("wrote \(samplePath)")
}

// Warm up fontconfig, the font caches and the page cache before timing.
_ = try run(first: 1_000_000, count: 20)

var bytes = 0
let cpuBefore = cpuMilliseconds()
let single = try milliseconds { bytes = try run(first: 0, count: documents) }
let singleCPU = cpuMilliseconds() - cpuBefore
print(String(format: "1 thread:   %d documents in %.0f ms: %.2f ms/doc wall, %.2f ms/doc CPU (%d KiB/doc)",
             documents, single, single / Double(documents), singleCPU / Double(documents), bytes / documents / 1024))

/// Totals from the worker threads.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes = 0
    private var failures: [String] = []

    func add(_ count: Int) { lock.withLock { bytes += count } }
    func fail(_ error: any Error) { lock.withLock { failures.append("\(error)") } }
    var result: (bytes: Int, failures: [String]) { lock.withLock { (bytes, failures) } }
}

let tally = Tally()
let processBefore = cpuMilliseconds(CLOCK_PROCESS_CPUTIME_ID)
let parallel = milliseconds {
    let group = DispatchGroup()
    for thread in 0..<cores {
        group.enter()
        Thread {
            do { tally.add(try run(first: (thread + 1) * 100_000, count: documents)) } catch { tally.fail(error) }
            group.leave()
        }.start()
    }
    group.wait()
}
let parallelCPU = cpuMilliseconds(CLOCK_PROCESS_CPUTIME_ID) - processBefore
let total = documents * cores
print(String(format: "%d threads: %d documents in %.0f ms: %.2f ms/doc wall (throughput), %.2f ms/doc CPU",
             cores, total, parallel, parallel / Double(total), parallelCPU / Double(total)))
for failure in tally.result.failures { print("failed: \(failure)") }
