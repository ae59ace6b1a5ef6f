/// The summary PDF of one patron could not be produced; no file was returned.
///
/// Its description names the card number and what went wrong:
/// `synthese.pdf for card 24200001234567: cairo failed: out of memory`.
public struct SummaryPDFError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The card number of the patron whose summary failed.
    public var cardNumber: String
    public var reason: Reason

    public init(cardNumber: String, reason: Reason) {
        self.cardNumber = cardNumber
        self.reason = reason
    }

    public enum Reason: Hashable, Sendable, CustomStringConvertible {
        /// cairo reported an error while drawing or writing the file (its own message).
        case cairo(String)

        public var description: String {
            switch self {
            case .cairo(let message): "cairo failed: \(message)"
            }
        }
    }

    public var description: String { "synthese.pdf for card \(cardNumber): \(reason)" }
}
