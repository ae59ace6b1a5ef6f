import Foundation
import MediathequeKit
import MediathequePDF

/// Renders fixtures the way the build does, keeping a copy when asked to.
enum Rendering {
    static func render(_ bundle: PatronBundle, named name: String,
                       renderer: SummaryPDFRenderer? = nil) throws -> [UInt8] {
        let renderer = renderer ?? SummaryPDFRenderer(networkName: Fixtures.networkName, rules: Fixtures.rules)
        let pdf = try renderer.render(bundle, today: Fixtures.today, sessions: Fixtures.session)
        keep(pdf, named: name)
        return pdf
    }

    /// With `MEDIATHEQUE_PDF_KEEP=<folder>`, writes `<folder>/<name>.pdf` to look at by eye.
    static func keep(_ pdf: [UInt8], named name: String) {
        guard let folder = ProcessInfo.processInfo.environment["MEDIATHEQUE_PDF_KEEP"], !folder.isEmpty else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? Data(pdf).write(to: URL(fileURLWithPath: folder).appendingPathComponent("\(name).pdf"))
    }
}
