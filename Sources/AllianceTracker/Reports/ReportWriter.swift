import Foundation
import Logging
import PostgresNIO

/// Saves a report's new version: one transaction that checks the cycle window, the
/// membership and the precondition, writes the immutable version with its values
/// and narratives, moves the report's pointer, and records every change in the
/// audit log.
struct ReportWriter {
    let connection: PostgresConnection
    let logger: Logger
    let actor: AuditActor
    let now: Date

    /// Returns the saved report and whether the report was created.
    func save(country: String, year: Int, _ content: ValidatedReport, precondition: Precondition) async throws -> (Report, created: Bool) {
        try await CycleWindow.check(year: year, country: country, actor: actor, now: now, on: connection, logger: logger)
        try await checkMembership(country: country, year: year)
        let existing = try await ReportStore.row(country: country, year: year, forUpdate: true, on: connection, logger: logger)
        try precondition.check(currentVersion: existing?.currentVersion)
        if existing?.status == .submitted {
            throw DomainError(.reportUnderReview, "A submitted report cannot change until the secretariat accepts or returns it.")
        }
        let reportID: Int64
        if let existing { reportID = existing.id } else { reportID = try await createReport(country: country, year: year) }
        let version = (existing?.currentVersion ?? 0) + 1
        try await writeVersion(reportID: reportID, version: version, content)
        _ = try await connection.query("""
            UPDATE reports SET current_version = \(version), status = 'draft' WHERE id = \(reportID)
            """, logger: logger)
        try await audit(country: country, year: year, reportID: reportID, version: version, previous: existing)
        guard let report = try await ReportStore.report(country: country, year: year, on: connection, logger: logger) else {
            throw MissingRow()
        }
        return (report, existing == nil)
    }

    /// SPEC: the country must exist and be a member at some time in the year.
    private func checkMembership(country: String, year: Int) async throws {
        let rows = try await connection.query("""
            SELECT EXISTS (SELECT 1 FROM memberships m WHERE m.country = c.code
                           AND m.joined_on <= make_date(\(Int32(year)), 12, 31)
                           AND (m.left_on IS NULL OR m.left_on > make_date(\(Int32(year)), 1, 1)))
            FROM countries c WHERE c.code = \(country)
            """, logger: logger).collect()
        guard let row = rows.first else { throw DomainError.unknownCountry(country) }
        guard try row.decode(Bool.self) else {
            throw DomainError.invalid("country", .notAMember, "\(country) was not a member of the Alliance in \(year)")
        }
    }

    private func createReport(country: String, year: Int) async throws -> Int64 {
        let rows = try await connection.query("""
            INSERT INTO reports (country, year, status, current_version) VALUES (\(country), \(Int16(year)), 'draft', 1)
            ON CONFLICT (country, year) DO NOTHING RETURNING id
            """, logger: logger).collect()
        // another request created the report first: this one was based on no version at all
        guard let row = rows.first else { throw Precondition.mismatch(current: nil) }
        return try row.decode(Int64.self)
    }

    private func writeVersion(reportID: Int64, version: Int, _ content: ValidatedReport) async throws {
        _ = try await connection.query("""
            INSERT INTO report_versions (report_id, version, created_at, created_by)
            VALUES (\(reportID), \(version), \(now), \(actor.tokenID))
            """, logger: logger)
        let values = JSONValue.array(content.values.map { value in
            .object([
                "indicator": .string(value.indicator), "value": value.value.map { .number($0.stored) } ?? .null,
                "not_available": value.notAvailable.map { .string($0) } ?? .null,
                "note": value.note.map { .string($0) } ?? .null, "source": value.source.map { .string($0) } ?? .null,
                "nature": .string(value.nature.rawValue),
            ])
        })
        _ = try await connection.query("""
            INSERT INTO report_values (report_id, version, indicator, measure_kind, value, not_available, note, source, nature)
            SELECT \(reportID), \(version), v.indicator, i.measure_kind, v.value, v.not_available, v.note, v.source, v.nature
            FROM jsonb_to_recordset(\(values.text)::jsonb)
                 AS v(indicator text, value numeric, not_available text, note text, source text, nature text)
            JOIN indicators i ON i.code = v.indicator
            """, logger: logger)
        let narratives = JSONValue.array(content.narratives.map { narrative in
            .object(["goal": .number(Decimal(narrative.goal)), "actions_taken": .string(narrative.actionsTaken),
                     "actions_planned": .string(narrative.actionsPlanned)])
        })
        _ = try await connection.query("""
            INSERT INTO report_narratives (report_id, version, goal, actions_taken, actions_planned)
            SELECT \(reportID), \(version), n.goal, n.actions_taken, n.actions_planned
            FROM jsonb_to_recordset(\(narratives.text)::jsonb) AS n(goal smallint, actions_taken text, actions_planned text)
            """, logger: logger)
    }

    /// One entry for the save, and one for each value that changed against the
    /// previous version: its old and new state.
    private func audit(country: String, year: Int, reportID: Int64, version: Int, previous: ReportStore.Row?) async throws {
        try await AuditLog.record(
            on: connection, logger: logger, actor: actor, action: previous == nil ? "report.created" : "report.saved",
            country: country, year: year, entity: "report", entityID: "\(country)/\(year)",
            old: previous.map { ["version": .number(Decimal($0.currentVersion)), "status": .string($0.status.rawValue)] },
            new: ["version": .number(Decimal(version)), "status": .string(ReportStatus.draft.rawValue)]
        )
        _ = try await connection.query("""
            INSERT INTO audit_log (actor_token, actor_role, action, country, year, entity, entity_id, old_value, new_value)
            SELECT \(actor.tokenID), \(actor.role), 'report.value_changed', \(country), \(Int16(year)), 'report_value',
                   \(country) || '/' || \(String(year)) || '/' || coalesce(n.indicator, o.indicator),
                   CASE WHEN o.indicator IS NOT NULL THEN jsonb_build_object('version', o.version, 'value', o.value,
                        'not_available', o.not_available, 'note', o.note, 'source', o.source, 'nature', o.nature) END,
                   CASE WHEN n.indicator IS NOT NULL THEN jsonb_build_object('version', n.version, 'value', n.value,
                        'not_available', n.not_available, 'note', n.note, 'source', n.source, 'nature', n.nature) END
            FROM (SELECT * FROM report_values WHERE report_id = \(reportID) AND version = \(version)) n
            FULL JOIN (SELECT * FROM report_values WHERE report_id = \(reportID) AND version = \(version - 1)) o
                 ON o.indicator = n.indicator
            WHERE (n.value, n.not_available, n.note, n.source, n.nature)
                  IS DISTINCT FROM (o.value, o.not_available, o.note, o.source, o.nature)
            """, logger: logger)
    }
}
