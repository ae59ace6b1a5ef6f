import Foundation
import Testing
@testable import MediathequeKit

/// The salt: what every patron folder is rendered with. A folder is kept only on the same salt.
struct FolderSaltTests {
    /// The salt of the demo's site with `fonts` as its fonts folder.
    static func salt(fonts: URL, documents: Bool = true) throws -> [UInt8] {
        FolderFingerprint.salt(config: try SiteConfiguration.load(from: Repository.site),
                               templates: try TemplateSet(directory: Repository.templates), libraries: [:],
                               timeZone: "Europe/Paris", documents: documents, pagesOnly: false, fonts: fonts)
    }

    /// The summary PDF is set in the site's fonts: another font, or one byte of it changed,
    /// renders every folder's documents again; a build without documents does not read them.
    @Test func theSiteFontsAreInTheSaltOfABuildWithDocuments() throws {
        let dir = try TemporaryDirectory()
        let fonts = dir.url.appendingPathComponent("fonts")
        try FileManager.default.copyItem(at: SiteConfiguration.fontsDirectory(in: Repository.site), to: fonts)
        let before = try Self.salt(fonts: fonts)
        #expect(try Self.salt(fonts: fonts) == before)
        let regular = fonts.appendingPathComponent("NotoSans-Regular.ttf")
        var bytes = try Data(contentsOf: regular)
        bytes[bytes.count - 1] ^= 1
        try bytes.write(to: regular)
        #expect(try Self.salt(fonts: fonts) != before)
        #expect(try Self.salt(fonts: fonts, documents: false) == Self.salt(fonts: dir.url.appendingPathComponent("none"), documents: false))
    }
}
