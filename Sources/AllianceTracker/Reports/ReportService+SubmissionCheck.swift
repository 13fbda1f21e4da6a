import Foundation
import Logging

/// `POST …/submit?dry_run=true`: what a submission would meet, changing nothing.
extension ReportService {
    /// The problems the submission of the current version would meet; the same refusals
    /// as `submit` (window, If-Match, status), in a transaction that writes nothing.
    func checkSubmission(
        country: String,
        year: Int,
        expecting expected: ExpectedVersion,
        actor: AuditActor,
        logger: Logger
    ) async throws -> SubmissionCheck.Answer {
        try await database.read(logger: logger) { session in
            try await cycles.checkWindow(year: year, country: country, actor: actor, in: session)
            let row = try await lockedRow(country: country, year: year, expected, forUpdate: false, in: session)
            let found = try await submissionProblems(country: country, year: year, row: row, in: session)
            return SubmissionCheck.Answer(version: row.currentVersion, found)
        }
    }

    /// The state a submission needs (draft or returned), then what `SubmissionCheck` finds.
    func submissionProblems(country: String, year: Int, row: ReportRow, in session: DatabaseSession) async throws -> [FieldError] {
        switch row.status {
        case .submitted:
            throw DomainError(.alreadySubmitted, "Version \(row.currentVersion) is already submitted and awaits review.")
        case .accepted:
            throw DomainError(.nothingToSubmit, "Version \(row.currentVersion) is accepted; save an amendment before submitting again.")
        case .draft, .returned:
            break
        }
        return SubmissionCheck.problems(
            missing: try await reports.missingRequired(reportID: row.id, version: row.currentVersion, year: year, in: session),
            unjustified: try await reports.unjustifiedValues(
                reportID: row.id,
                version: row.currentVersion,
                country: country,
                year: year,
                in: session
            )
        )
    }
}
