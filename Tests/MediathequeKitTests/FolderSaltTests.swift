import Foundation
import Testing
@testable import MediathequeKit

/// The salt: what every patron folder is rendered with. A folder is kept only on the same salt.
struct FolderSaltTests {
    static func salt(documents: Bool = true, documentIdentity: [UInt8]) throws -> [UInt8] {
        FolderFingerprint.salt(config: try SiteConfiguration.load(from: Repository.site),
                               templates: try TemplateSet(directory: Repository.templates), libraries: [:],
                               timeZone: "Europe/Paris", documents: documents, pagesOnly: false, documentIdentity: documentIdentity)
    }

    /// What the documents are made with beyond the inputs (their fonts) renders every folder
    /// again when it changes; a build without documents does not read it.
    @Test func whatTheDocumentsAreMadeWithIsInTheSaltOfABuildWithDocuments() throws {
        let before = try Self.salt(documentIdentity: Array("fonts 1".utf8))
        #expect(try Self.salt(documentIdentity: Array("fonts 1".utf8)) == before)
        #expect(try Self.salt(documentIdentity: Array("fonts 2".utf8)) != before)
        #expect(try Self.salt(documents: false, documentIdentity: Array("fonts 1".utf8))
                == Self.salt(documents: false, documentIdentity: Array("fonts 2".utf8)))
    }
}
