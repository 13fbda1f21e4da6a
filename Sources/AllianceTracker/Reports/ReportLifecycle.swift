import Foundation
import Logging
import PostgresNIO

/// The state changes of SPEC §2: a country submits; the secretariat accepts or
/// returns. Saving (a new version) is `ReportWriter`'s.
struct ReportLifecycle {
    let connection: PostgresConnection
    let logger: Logger
    let actor: AuditActor
    let now: Date

    func submit(country: String, year: Int, precondition: Precondition) async throws -> Report {
        try await CycleWindow.check(year: year, country: country, actor: actor, now: now, on: connection, logger: logger)
        let row = try await lockedRow(country: country, year: year, precondition: precondition)
        switch row.status {
        case .submitted:
            throw DomainError(.alreadySubmitted, "Version \(row.currentVersion) is already submitted and awaits review.")
        case .accepted:
            throw DomainError(.nothingToSubmit, "Version \(row.currentVersion) is accepted; save an amendment before submitting again.")
        case .draft, .returned:
            break
        }
        let problems = try await SubmissionCheck.problems(
            reportID: row.id, version: row.currentVersion, country: country, year: year, on: connection, logger: logger
        )
        if !problems.isEmpty { throw DomainError.invalid(problems) }
        _ = try await connection.query("""
            UPDATE reports SET status = 'submitted', submitted_at = \(now),
                   first_submitted_at = coalesce(first_submitted_at, \(now))
            WHERE id = \(row.id)
            """, logger: logger)
        try await auditTransition(country: country, year: year, row: row, to: .submitted, reason: nil)
        return try await reloaded(country: country, year: year)
    }

    enum Decision: String, Decodable, Sendable {
        case accept
        case `return`
    }

    func review(country: String, year: Int, decision: Decision, comment: String?, precondition: Precondition) async throws -> Report {
        let comment = comment?.trimmingCharacters(in: .whitespacesAndNewlines)
        if decision == .return, comment?.isEmpty ?? true {
            throw DomainError.invalid("comment", .missingComment, "say why the report is returned, so the country can correct it")
        }
        if let comment, comment.unicodeScalars.count > 4000 {
            throw DomainError.invalid("comment", .tooLong, "must be at most 4000 characters")
        }
        let row = try await lockedRow(country: country, year: year, precondition: precondition)
        guard row.status == .submitted else {
            throw DomainError(.notSubmitted, "Only a submitted report can be reviewed; this one is \(row.status).")
        }
        switch decision {
        case .accept:
            _ = try await connection.query("""
                UPDATE reports SET status = 'accepted', accepted_version = current_version, accepted_at = \(now)
                WHERE id = \(row.id)
                """, logger: logger)
        case .return:
            _ = try await connection.query("UPDATE reports SET status = 'returned' WHERE id = \(row.id)", logger: logger)
        }
        try await auditTransition(country: country, year: year, row: row,
                                  to: decision == .accept ? .accepted : .returned, reason: comment)
        return try await reloaded(country: country, year: year)
    }

    private func lockedRow(country: String, year: Int, precondition: Precondition) async throws -> ReportStore.Row {
        guard let row = try await ReportStore.row(country: country, year: year, forUpdate: true, on: connection, logger: logger) else {
            throw DomainError.unknownReport(country: country, year: year)
        }
        try precondition.check(currentVersion: row.currentVersion)
        return row
    }

    private func auditTransition(country: String, year: Int, row: ReportStore.Row, to status: ReportStatus, reason: String?) async throws {
        try await AuditLog.record(
            on: connection, logger: logger, actor: actor, action: "report.\(status.rawValue)", country: country, year: year,
            entity: "report", entityID: "\(country)/\(year)",
            old: ["status": .string(row.status.rawValue), "version": .number(Decimal(row.currentVersion))],
            new: ["status": .string(status.rawValue), "version": .number(Decimal(row.currentVersion))], reason: reason
        )
    }

    private func reloaded(country: String, year: Int) async throws -> Report {
        guard let report = try await ReportStore.report(country: country, year: year, on: connection, logger: logger) else {
            throw MissingRow()
        }
        return report
    }
}

extension DomainError {
    static func unknownReport(country: String, year: Int) -> DomainError {
        DomainError(.unknownReport, "\(country) has no report for \(year) yet; PUT one to start it.")
    }
}
