import Foundation
import Logging

/// The state changes of docs/rules.md §2: a country submits; the secretariat accepts or returns.
extension ReportService {
    func submit(
        country: String,
        year: Int,
        expecting expected: ExpectedVersion,
        actor: AuditActor,
        in outer: DatabaseSession? = nil,
        logger: Logger
    ) async throws -> Report {
        let now = clock.now()
        return try await database.within(outer, logger: logger) { session in
            try await cycles.checkWindow(year: year, country: country, actor: actor, in: session)
            let row = try await lockedRow(country: country, year: year, expected, in: session)
            let problems = try await submissionProblems(country: country, year: year, row: row, in: session)
            if !problems.isEmpty { throw DomainError.invalid(problems) }
            try await reports.markSubmitted(reportID: row.id, at: now, in: session)
            try await auditTransition(country: country, year: year, row: row, to: .submitted, reason: nil, actor: actor, at: now, in: session)
            return try await reloaded(country: country, year: year, in: session)
        }
    }

    func review(
        country: String,
        year: Int,
        decision: ReviewDecision,
        comment: String?,
        expecting expected: ExpectedVersion,
        actor: AuditActor,
        in outer: DatabaseSession? = nil,
        logger: Logger
    ) async throws -> Report {
        let comment = comment?.trimmingCharacters(in: .whitespacesAndNewlines)
        if decision == .return, comment?.isEmpty ?? true {
            throw DomainError.invalid("comment", .missingComment, "say why the report is returned, so the country can correct it")
        }
        if let comment, comment.unicodeScalars.count > 4000 {
            throw DomainError.invalid("comment", .tooLong, "must be at most 4000 characters")
        }
        let now = clock.now()
        return try await database.within(outer, logger: logger) { session in
            // a decision changes the accepted values a publication in progress is reading
            try await PublicationLock.shared(on: session)
            let row = try await lockedRow(country: country, year: year, expected, in: session)
            guard row.status == .submitted else {
                throw DomainError(.notSubmitted, "Only a submitted report can be reviewed; this one is \(row.status).")
            }
            switch decision {
            case .accept: try await reports.markAccepted(reportID: row.id, at: now, in: session)
            case .return: try await reports.markReturned(reportID: row.id, at: now, in: session)
            }
            try await auditTransition(
                country: country,
                year: year,
                row: row,
                to: decision == .accept ? .accepted : .returned,
                reason: comment,
                actor: actor,
                at: now,
                in: session
            )
            return try await reloaded(country: country, year: year, in: session)
        }
    }

    /// Marks a report as demonstration data (`alliance seed --demo`).
    func markAsDemo(country: String, year: Int, in session: DatabaseSession) async throws {
        guard let row = try await reports.row(country: country, year: year, in: session) else { throw MissingRow() }
        try await reports.markDemo(reportID: row.id, in: session)
    }

    func hasDemoReports(in session: DatabaseSession) async throws -> Bool {
        try await reports.hasDemoReports(in: session)
    }

    func lockedRow(
        country: String,
        year: Int,
        _ expected: ExpectedVersion,
        forUpdate: Bool = true,
        in session: DatabaseSession
    ) async throws -> ReportRow {
        guard let row = try await reports.row(country: country, year: year, forUpdate: forUpdate, in: session) else {
            throw DomainError.unknownReport(country: country, year: year)
        }
        try expected.check(currentVersion: row.currentVersion)
        return row
    }

    private func auditTransition(
        country: String,
        year: Int,
        row: ReportRow,
        to status: ReportStatus,
        reason: String?,
        actor: AuditActor,
        at now: Date,
        in session: DatabaseSession
    ) async throws {
        let version = JSONValue.number(Decimal(row.currentVersion))
        let entry = AuditRecord(
            .report(status),
            by: actor,
            country: country,
            year: year,
            entityID: "\(country)/\(year)",
            old: ["status": .string(row.status.rawValue), "version": version],
            new: ["status": .string(status.rawValue), "version": version],
            reason: reason
        )
        try await audit.record(entry, at: now, in: session)
    }
}
