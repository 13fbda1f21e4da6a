import Foundation

/// What a creating request answered, as stored for replays.
struct IdempotentOutcome: Sendable {
    var status: Int
    var body: Data
    var location: String?
    /// What a replay returns, when it must differ from the first answer (a new
    /// token's secret is shown once and never stored).
    var replayBody: Data?

    /// The first answer with the fingerprint of the request that got it.
    struct Stored: Sendable {
        let fingerprint: Data
        let outcome: IdempotentOutcome
    }
}
