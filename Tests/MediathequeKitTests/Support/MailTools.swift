import Foundation
import Testing

/// The outside tools the e-mail tests use: `validate_mail.py` (Python's `email`), the Nu
/// HTML checker, msmtp (a real mail submission program) and `smtp_sink.py` (aiosmtpd).
/// As with ``Validators``, a test is skipped when one is missing here, unless
/// `MEDIATHEQUE_REQUIRE_VALIDATORS=1` (CI), where it fails instead.
enum MailTools {
    static let validators = Validators.directory

    /// `msmtp` found on the `PATH`, or `nil`.
    static let msmtp: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("msmtp") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static let hasPython = Validators.python != nil
    static let hasAiosmtpd = Validators.canImport(["aiosmtpd"])

    /// Runs `validate_mail.py --json` on `folder`; the parsed report of each message, by file name.
    static func validate(_ folder: URL, htmlOut: URL? = nil) throws -> (outcome: Validators.Outcome, messages: [[String: Any]]) {
        guard let python = Validators.python else { throw ValidatorUnavailable(message: "python3 is not on the PATH") }
        let outcome = try Validators.run(python, [validators.appendingPathComponent("validate_mail.py").path, "--json"]
                                                 + (htmlOut.map { ["--html-out", $0.path] } ?? []) + [folder.path])
        let parsed = (try? JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8))) as? [[String: Any]]
        return (outcome, parsed ?? [])
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test when `python3` is there (its `email` package is in the standard library).
    static var requiresMailValidator: Self {
        .enabled(if: Validators.required || MailTools.hasPython, "python3 is missing")
    }

    /// Runs the test when msmtp and python3 with aiosmtpd are there.
    static var requiresSMTPRelay: Self {
        .enabled(if: Validators.required || (MailTools.msmtp != nil && MailTools.hasAiosmtpd),
                 "msmtp or python3's aiosmtpd is missing (apt-get install msmtp; pip install aiosmtpd)")
    }
}
