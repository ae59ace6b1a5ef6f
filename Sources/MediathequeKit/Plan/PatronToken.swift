@preconcurrency import Crypto
import Foundation

/// The capability naming a patron's private folder: lowercase hex of the first
/// 16 bytes of HMAC-SHA256(secret, "<card_number>:<feed_key_version>").
/// Bumping `feed_key_version` revokes every link of that patron.
public struct PatronToken: Sendable {
    /// Keyed once: each token then costs its own message only.
    private let keyed: HMAC<SHA256>

    public init(secret: [UInt8]) { keyed = HMAC<SHA256>(key: SymmetricKey(data: secret)) }

    public func token(card: String, version: Int) -> String {
        var mac = keyed
        mac.update(data: Array("\(card):\(version)".utf8))
        return mac.finalize().prefix(16).lowercaseHex
    }

    public func token(for patron: Patron) -> String { token(card: patron.cardNumber, version: patron.feedKeyVersion) }
}

/// The site secret, with the rule that the demo secret only ever serves the demo.
public struct SiteSecret: Sendable {
    public static let demo = SiteSecret(bytes: Array("mediatheque-demo-secret-not-for-production".utf8))
    public static let minimumLength = 16

    public let bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// The secret of a build: from a file, else the environment, else (demo only) the demo secret.
    /// - Throws: ``InputProblem`` when a real build has no usable secret.
    public static func resolve(file: String?, environment: [String: String], isDemo: Bool) throws -> SiteSecret {
        var secret: SiteSecret?
        var origin = "MEDIATHEQUE_SECRET"
        if let file {
            origin = file
            guard let data = FileManager.default.contents(atPath: file) else {
                throw InputProblem(file: file, message: "cannot read the secret file")
            }
            var bytes = [UInt8](data)
            while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
            secret = SiteSecret(bytes: bytes)
        } else if let value = environment["MEDIATHEQUE_SECRET"], !value.isEmpty {
            secret = SiteSecret(bytes: Array(value.utf8))
        }
        guard let secret else {
            if isDemo { return .demo }
            throw InputProblem(file: "secret", message: "no site secret: pass --secret-file FILE or set MEDIATHEQUE_SECRET (the demo secret only serves the demo)")
        }
        if !isDemo && secret.bytes == demo.bytes {
            throw InputProblem(file: origin, message: "the demo secret is refused outside demo builds")
        }
        if !isDemo && secret.bytes.count < minimumLength {
            throw InputProblem(file: origin, message: "the secret is too short (at least \(minimumLength) bytes)")
        }
        return secret
    }
}
