import Foundation

/// The public site, `public/` with the assets under `private/assets/` and the page that
/// stands for `private/` itself (``PrivateRootPage``): kept from the
/// published bundle when its fingerprint did not change, else rendered whole with the
/// assets copied from the site's folder, then indexed for search (``Pagefind``).
///
/// The index is one of the site's files: listed in its manifest line, kept with the pages
/// it was made from, and made again whenever they are rendered again.
struct PublicSiteBuild {
    let context: BuildContext
    /// The agenda as the pages see it (``FolderFingerprint/agendaDigest(_:confirmed:)``).
    let agenda: [UInt8]

    /// What was done with the site.
    struct Outcome {
        /// Files rendered, assets and index aside; 0 when the site was kept.
        var rendered: Int
        /// The report's line on the search.
        var search: String
    }

    /// Builds it and records its line.
    func run() throws -> Outcome {
        context.progress(.stage("rendering the public site"))
        let pagefind = context.content.hasSearch ? context.inputs.search : nil
        let digest = FolderFingerprint.publicDigest(salt: context.salt, today: context.today, agenda: agenda, assets: assets,
                                                    search: pagefind.map { "pagefind \($0.version)" } ?? "no search")
        if let kept = context.published.folder(BuildManifest.publicSite), kept.digest == digest,
           try BuildError.stamping("write", { try context.bundle.keepFiles(kept.files) }) {
            context.manifest.recordPublicSite(kept)
            return Outcome(rendered: 0, search: pagefind.map { "Search: the index of Pagefind \($0.version) kept with the pages." }
                                                ?? noSearch)
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
        var search = noSearch
        if let pagefind {
            let (indexed, files) = try index(with: pagefind)
            names += files
            search = "Search: Pagefind \(pagefind.version) indexed \(indexed)."
        }
        context.manifest.recordPublicSite(.init(digest: digest, files: names.sorted(), renderedOn: context.today, changesOn: nil))
        return Outcome(rendered: rendered, search: search)
    }

    /// The report's line when there is no index.
    private var noSearch: String {
        context.inputs.search == nil ? "Search not built: no index and no search page."
            : "Search not built: no coming event to index, so no search page."
    }

    /// Runs Pagefind over the staged `public/`, then takes its files into the bundle as if
    /// written by the build (``StagedBundle/adopt(_:)``).
    /// - Returns: what Pagefind says it indexed, and the paths of the index from the bundle's root.
    private func index(with pagefind: Pagefind) throws -> (indexed: String, files: [String]) {
        context.progress(.stage("indexing the public site for the search (Pagefind \(pagefind.version))"))
        let bundle = context.bundle
        let indexed = try BuildError.stamping("search") {
            try pagefind.index(site: bundle.stagedRoot("public"), workingDirectory: bundle.staging.path)
        }
        let files = try BuildError.stamping("write") { try bundle.adopt(try BundlePath("public/\(Pagefind.folder)")) }
        return (indexed, files)
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
