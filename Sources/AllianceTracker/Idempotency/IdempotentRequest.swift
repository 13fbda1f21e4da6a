import Foundation

/// A creating request that carries an `Idempotency-Key`: whose key it is, and a
/// fingerprint of what was asked, so that a retry can be told from a reuse.
struct IdempotentRequest: Sendable {
    let token: Int64
    let key: String
    let method: String
    let path: String
    /// SHA-256 of the method, the path and the body.
    let fingerprint: Data
}
