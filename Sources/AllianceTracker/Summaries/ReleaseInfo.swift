import Foundation

/// A published release: its number, when, and until when it is embargoed.
struct ReleaseInfo: Codable, Sendable, Equatable {
    var year: Int
    var release: Int
    var publishedAt: Date
    var embargoUntil: Date?
    var note: String?
    var demo: Bool

    func visible(at now: Date) -> Bool {
        embargoUntil.map { $0 <= now } ?? true
    }

    /// When the release became public: its publication, or its embargo's end if later.
    var publicFrom: Date { max(publishedAt, embargoUntil ?? publishedAt) }
}
