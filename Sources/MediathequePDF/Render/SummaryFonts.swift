import CPangoCairo
import Foundation
import MediathequeKit

/// The fonts the summary PDF is set in: the system's, as fontconfig finds them, except
/// that the fonts of a folder (the site's `fonts/`) replace the system's fonts of their
/// families.
///
/// The site ships Noto Sans there without its TrueType hinting (`scripts/dehint-fonts.sh`):
/// cairo copies a font's hinting into every PDF's font subset, where it only takes room
/// (a PDF is scaled, never rasterised at one size). Other scripts fall back to the
/// system's fonts as before.
///
/// Made once per build and shared by every worker's ``TextEngine``: the fontconfig
/// configuration is never changed once built.
public final class SummaryFonts: @unchecked Sendable {
    /// Where pango matches fonts; `nil`: fontconfig's default configuration.
    let config: OpaquePointer?

    /// The system's fonts alone.
    public static let system = SummaryFonts(config: nil)

    private init(config: OpaquePointer?) {
        self.config = config
    }

    /// The fonts (`.ttf`, `.otf`) of `folder` in place of the system's fonts of the same
    /// families, or the system's alone when the folder does not exist or holds none.
    /// - Throws: ``SummaryFontError`` naming a file fontconfig cannot read as a font.
    public convenience init(folder: URL) throws(SummaryFontError) {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { ["ttf", "otf"].contains(($0 as NSString).pathExtension.lowercased()) }
            .sorted()
            .map { folder.appendingPathComponent($0).path }
        guard !files.isEmpty else {
            self.init(config: nil)
            return
        }
        var families: Set<String> = []
        for file in files {
            guard let family = Self.family(of: file) else { throw SummaryFontError(file: file) }
            families.insert(family)
        }
        let config = FcConfigCreate()
        FcConfigParseAndLoad(config, nil, FcTrue)
        FcConfigParseAndLoadFromMemory(config, Self.rejecting(Self.systemFiles(of: families)), FcTrue)
        FcConfigBuildFonts(config)
        for file in files where FcConfigAppFontAddFile(config, file) == FcFalse {
            FcConfigDestroy(config)
            throw SummaryFontError(file: file)
        }
        self.init(config: config)
    }

    deinit {
        if let config { FcConfigDestroy(config) }
    }

    /// What the documents set in these fonts are made with, for the salt to digest: the
    /// site's font files, by their bytes, and every other font fontconfig offers them (the
    /// system's, that other scripts fall back to), by path, size and modification time. An
    /// installed, removed or upgraded font then renders every summary again, as a clean
    /// build would set it; a fresh clone of the same site fonts does not.
    public func identity() -> [UInt8] {
        let config = self.config ?? FcConfigGetCurrent()
        var bytes: [UInt8] = []
        for (set, byContent) in [(FcSetApplication, true), (FcSetSystem, false)] {
            for file in Self.files(in: config, set) {
                // The site's by name: the same fonts in another checkout are the same.
                bytes += Array((byContent ? (file as NSString).lastPathComponent : file).utf8) + [0]
                if byContent {
                    bytes += FileManager.default.contents(atPath: file).map { [UInt8]($0) } ?? []
                } else {
                    var status = stat()
                    if stat(file, &status) == 0 { bytes += Array("\(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)".utf8) }
                }
                bytes.append(0)
            }
        }
        return bytes
    }

    /// The font files of one of `config`'s sets, sorted.
    private static func files(in config: OpaquePointer?, _ set: FcSetName) -> [String] {
        guard let fonts = FcConfigGetFonts(config, set) else { return [] }
        var files: Set<String> = []
        for font in UnsafeBufferPointer(start: fonts.pointee.fonts, count: Int(fonts.pointee.nfont)) {
            var file: UnsafeMutablePointer<FcChar8>?
            if FcPatternGetString(font, FC_FILE, 0, &file) == FcResultMatch, let file { files.insert(String(cString: file)) }
        }
        return files.sorted()
    }

    /// The family of the font in `file` (its first face), or `nil` when it is not a font.
    private static func family(of file: String) -> String? {
        var count: Int32 = 0
        guard let pattern = FcFreeTypeQuery(file, 0, nil, &count) else { return nil }
        defer { FcPatternDestroy(pattern) }
        var family: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(pattern, FC_FAMILY, 0, &family) == FcResultMatch, let family else { return nil }
        return String(cString: family)
    }

    /// The files of the system's fonts of `families`, in fontconfig's default configuration.
    private static func systemFiles(of families: Set<String>) -> [String] {
        guard let system = FcInitLoadConfigAndFonts() else { return [] }
        defer { FcConfigDestroy(system) }
        let objects = FcObjectSetCreate()
        defer { FcObjectSetDestroy(objects) }
        FcObjectSetAdd(objects, FC_FILE)
        var files: [String] = []
        for family in families.sorted() {
            let pattern = FcPatternCreate()
            defer { FcPatternDestroy(pattern) }
            FcPatternAddString(pattern, FC_FAMILY, family)
            guard let set = FcFontList(system, pattern, objects) else { continue }
            defer { FcFontSetDestroy(set) }
            for font in UnsafeBufferPointer(start: set.pointee.fonts, count: Int(set.pointee.nfont)) {
                var file: UnsafeMutablePointer<FcChar8>?
                if FcPatternGetString(font, FC_FILE, 0, &file) == FcResultMatch, let file { files.append(String(cString: file)) }
            }
        }
        return files
    }

    /// A fontconfig snippet that leaves `files` out of the fonts it loads. Its globs cannot
    /// escape `*` or `?`: a system path holding one leaves out a few more system fonts.
    private static func rejecting(_ files: [String]) -> String {
        let globs = files.map { "<glob>\(Text.escapeMarkup($0))</glob>" }.joined()
        return "<fontconfig><selectfont><rejectfont>\(globs)</rejectfont></selectfont></fontconfig>"
    }
}

/// A file of the site's fonts that fontconfig cannot read as a font.
public struct SummaryFontError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String

    public var description: String { "\(file): not a font the summary PDF can use (TrueType or OpenType)" }
}
