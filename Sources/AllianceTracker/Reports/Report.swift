import Foundation

/// A report as the API shows it: its working version and where it stands.
struct Report: Encodable, Sendable {
    var country: String
    var year: Int
    var status: ReportStatus
    /// The working version: the report's ETag.
    var version: Int
    /// The version that counts in summaries, if one was accepted. While an
    /// amendment is worked on, it is older than `version`.
    var acceptedVersion: Int?
    var firstSubmittedAt: Date?
    var submittedAt: Date?
    var acceptedAt: Date?
    var savedAt: Date
    var values: [ReportValue]
    var narratives: [Narrative]
}

/// One version exactly as it was saved.
struct ReportVersion: Encodable, Sendable {
    var country: String
    var year: Int
    var version: Int
    var savedAt: Date
    var savedBy: String?
    var accepted: Bool
    var values: [ReportValue]
    var narratives: [Narrative]
}

struct ReportValue: Codable, Sendable, Equatable {
    var indicator: String
    var value: ReportedValue?
    var notAvailable: String?
    var note: String?
    var source: String?
    var nature: ValueNature
}

struct Narrative: Codable, Sendable, Equatable {
    var goal: Int
    var actionsTaken: String
    var actionsPlanned: String
}

/// A line of `GET …/versions`.
struct VersionSummary: Encodable, Sendable {
    var version: Int
    var savedAt: Date
    var savedBy: String?
    var accepted: Bool
    var current: Bool
}
