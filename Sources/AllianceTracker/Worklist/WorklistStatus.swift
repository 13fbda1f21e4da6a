/// Where a report stands in the cycle worklist (`GET /v1/cycles/{year}/reports`):
/// the report's own status, or `not_started` when there is none, and the
/// `amendment_` form while a report with an accepted version is worked on again.
enum WorklistStatus: String, CaseIterable, Codable, Sendable {
    case notStarted = "not_started"
    case draft
    case submitted
    case returned
    case accepted
    case amendmentDraft = "amendment_draft"
    case amendmentSubmitted = "amendment_submitted"
    case amendmentReturned = "amendment_returned"

    /// `status` of the report, nil when the country has none; `amended` when it has an accepted version.
    init(_ status: ReportStatus?, amended: Bool) {
        switch (status, amended) {
        case (nil, _): self = .notStarted
        case (.accepted?, _): self = .accepted
        case (.draft?, false): self = .draft
        case (.submitted?, false): self = .submitted
        case (.returned?, false): self = .returned
        case (.draft?, true): self = .amendmentDraft
        case (.submitted?, true): self = .amendmentSubmitted
        case (.returned?, true): self = .amendmentReturned
        }
    }

    /// The statuses a `?status=` filter names, each as written; nil when it names none.
    static func filter(_ values: [String]) throws -> Set<WorklistStatus>? {
        if values.isEmpty { return nil }
        return Set(
            try values.map { value in
                guard let status = WorklistStatus(rawValue: value) else {
                    let known = allCases.map(\.rawValue).joined(separator: ", ")
                    throw DomainError.invalidParameter("status", "must be one of \(known), not '\(value)'")
                }
                return status
            }
        )
    }
}
