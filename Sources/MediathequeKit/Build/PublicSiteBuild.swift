import Foundation

/// The public site, `public/` with the assets under `private/assets/` and the page that
/// stands for `private/` itself (``PrivateRootPage``): kept from the
/// published bundle when its fingerprint did not change, else rendered whole with the
/// assets copied from the site's folder.
struct PublicSiteBuild {
    let context: BuildContext
    /// The agenda as the pages see it (``FolderFingerprint/agendaDigest(_:confirmed:)``).
    let agenda: [UInt8]

    /// Builds it and records its line.
    /// - Returns: the number of files rendered, assets aside; 0 when it was kept.
    func run() throws -> Int {
        context.progress(.stage("rendering the public site"))
        let digest = FolderFingerprint.publicDigest(salt: context.salt, today: context.today, agenda: agenda, assets: assets)
        if let kept = context.published.folder(BuildManifest.publicSite), kept.digest == digest,
           try BuildError.stamping("write", { try context.bundle.keepFiles(kept.files) }) {
            context.manifest.recordPublicSite(kept)
            return 0
        }
        var names: [String] = []
        let files = try BuildError.stamping("render public") {
            try PublicSiteRenderer(templates: context.templates, content: context.content).files()
        }
        for file in files {
            try BuildError.stamping("write") { try context.bundle.write(file) }
            names += Precompressed.names(file.path.value, of: file)
        }
        let rendered = files.count
        names += try BuildError.stamping("write") {
            try context.bundle.write(RenderedFile(path: try BundlePath(PrivateRootPage.path), bytes: Array(PrivateRootPage.html.utf8)))
            return try [PrivateRootPage.path] + copyAssets()
        }
        context.manifest.recordPublicSite(.init(digest: digest, files: names.sorted(), renderedOn: context.today, changesOn: nil))
        return rendered
    }

    /// `Site/assets/`.
    private var assets: URL { context.inputs.siteDirectory.appendingPathComponent("assets") }

    /// Copies `Site/assets/` to `public/assets/` and `private/assets/`.
    /// - Returns: the paths written (``Precompressed`` siblings too), from the bundle's root.
    private func copyAssets() throws -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: assets.path) else { return [] }
        var written: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            guard let data = FileManager.default.contents(atPath: assets.appendingPathComponent(name).path) else { continue }
            for part in ["public", "private"] {
                let file = RenderedFile(path: try BundlePath("\(part)/assets/\(name)"), bytes: [UInt8](data))
                try context.bundle.write(file)
                written += Precompressed.names(file.path.value, of: file)
            }
        }
        return written
    }
}
