import Crypto
import Foundation

/// A bearer token: `at_<id>_<secret>`, where the secret is 256 random bits in
/// base64url. The id finds the row; only the secret's SHA-256 is stored, and the
/// hashes are compared in constant time.
struct TokenSecret: Sendable {
    let id: Int64
    let secret: String

    var bearer: String { "at_\(id)_\(secret)" }

    static func random() -> String {
        var generator = SystemRandomNumberGenerator()  // the system CSPRNG (getrandom)
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Parses the value of an `Authorization: Bearer …` header.
    init?(authorization header: String) {
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let fields = parts[1].trimmingCharacters(in: .whitespaces).split(separator: "_", maxSplits: 2)
        guard fields.count == 3, fields[0] == "at", let id = Int64(fields[1]), fields[2].count == 43 else { return nil }
        self.init(id: id, secret: String(fields[2]))
    }

    init(id: Int64, secret: String) {
        self.id = id
        self.secret = secret
    }

    static func hash(_ secret: String) -> [UInt8] {
        Array(SHA256.hash(data: Data(secret.utf8)))
    }

    /// Compares every byte whatever the first difference, so that timing says
    /// nothing about how much of a guess was right.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
