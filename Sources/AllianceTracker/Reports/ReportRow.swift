import Foundation

/// A report's row: its version pointers and where it stands.
struct ReportRow: Sendable {
    let id: Int64
    let status: ReportStatus
    let currentVersion: Int
    let acceptedVersion: Int?
    let firstSubmittedAt: Date?
    let submittedAt: Date?
    let acceptedAt: Date?
}
