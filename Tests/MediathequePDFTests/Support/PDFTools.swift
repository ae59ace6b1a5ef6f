import Foundation
import Testing

/// The poppler and qpdf command-line tools the PDF tests run, each in a fresh temporary folder.
enum PDFTools {
    /// The outcome of one tool run.
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The full path of `tool` on `PATH`, or `nil` when it is not installed.
    static func path(of tool: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func isInstalled(_ tools: String...) -> Bool { tools.allSatisfy { path(of: $0) != nil } }

    /// Writes `pdf` to a fresh temporary folder and runs `tool` with `arguments`, `{}` standing for the file.
    static func run(_ tool: String, _ arguments: [String], on pdf: [UInt8]) throws -> Run {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("mediatheque-pdf-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("synthese.pdf")
        try Data(pdf).write(to: file)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: path(of: tool) ?? tool)
        process.arguments = arguments.map { $0 == "{}" ? file.path : $0 }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read before waiting: a full pipe would block the tool.
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                   errors: String(decoding: err, as: UTF8.self))
    }

    /// `qpdf --check`: exit status and everything it printed.
    static func check(_ pdf: [UInt8]) throws -> Run { try run("qpdf", ["--check", "{}"], on: pdf) }

    /// The text poppler extracts, in reading order.
    static func text(_ pdf: [UInt8]) throws -> String { try run("pdftotext", ["-enc", "UTF-8", "{}", "-"], on: pdf).output }

    /// The text in the order it is drawn (`-raw`): a table cell wrapped over several lines
    /// comes back whole, not interleaved with its neighbours' lines.
    static func drawnText(_ pdf: [UInt8]) throws -> String {
        try run("pdftotext", ["-raw", "-enc", "UTF-8", "{}", "-"], on: pdf).output
    }

    /// The text of each page (pdftotext separates pages with form feeds).
    static func pages(_ pdf: [UInt8]) throws -> [String] {
        var pages = try text(pdf).components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    /// The rows of `pdffonts`: (name, embedded) per font.
    static func fonts(_ pdf: [UInt8]) throws -> [(name: String, embedded: Bool)] {
        let lines = try run("pdffonts", ["{}"], on: pdf).output.split(separator: "\n").dropFirst(2)
        return lines.map { line in
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            // name type [type2] encoding emb sub uni object ID: "emb" is the 5th column from the end.
            let embedded = columns.count >= 5 && columns[columns.count - 5] == "yes"
            return (String(columns.first ?? ""), embedded)
        }
    }
}

extension Trait where Self == ConditionTrait {
    /// Skips the test when one of `tools` is missing locally; CI installs them all.
    static func requires(_ tools: String...) -> Self {
        .enabled("needs \(tools.joined(separator: ", ")) (poppler-utils, qpdf)") {
            tools.allSatisfy { PDFTools.path(of: $0) != nil }
        }
    }
}
