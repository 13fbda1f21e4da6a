import Foundation

/// The body of `POST /v1/summaries/{year}/releases`.
struct ReleaseInput: Decodable, Sendable {
    var embargoUntil: Date?
    var note: String?
}
