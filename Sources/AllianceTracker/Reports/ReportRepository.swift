import Foundation
import PostgresNIO

/// Every statement on reports: rows, versions, values, narratives, and what
/// submission and validation read.
struct ReportRepository: Sendable {
    func row(country: String, year: Int, forUpdate: Bool = false, in session: DatabaseSession) async throws -> ReportRow? {
        let rows =
            if forUpdate {
                try await session.rows(LockedReportRow(country: country, year: Int16(year)))
            } else {
                try await session.rows(ReportRowQuery(country: country, year: Int16(year)))
            }
        guard let row = rows.first else { return nil }
        let (id, status, current, accepted, first, submitted, acceptedAt) =
            try row.decode((Int64, ReportStatus, Int, Int?, Date?, Date?, Date?).self)
        return ReportRow(
            id: id,
            status: status,
            currentVersion: current,
            acceptedVersion: accepted,
            firstSubmittedAt: first,
            submittedAt: submitted,
            acceptedAt: acceptedAt
        )
    }

    /// The report with its working version, or nil when the country has none for the year.
    func report(country: String, year: Int, in session: DatabaseSession) async throws -> Report? {
        guard let row = try await row(country: country, year: year, in: session) else { return nil }
        let content = try await content(reportID: row.id, version: row.currentVersion, in: session)
        return Report(
            country: country,
            year: year,
            status: row.status,
            version: row.currentVersion,
            acceptedVersion: row.acceptedVersion,
            firstSubmittedAt: row.firstSubmittedAt,
            submittedAt: row.submittedAt,
            acceptedAt: row.acceptedAt,
            savedAt: content.savedAt,
            values: content.values,
            narratives: content.narratives
        )
    }

    func version(country: String, year: Int, version: Int, in session: DatabaseSession) async throws -> ReportVersion? {
        guard let row = try await row(country: country, year: year, in: session), (1...row.currentVersion).contains(version)
        else { return nil }
        let content = try await content(reportID: row.id, version: version, in: session)
        return ReportVersion(
            country: country,
            year: year,
            version: version,
            savedAt: content.savedAt,
            savedBy: content.savedBy,
            accepted: row.acceptedVersion == version,
            values: content.values,
            narratives: content.narratives
        )
    }

    func versions(country: String, year: Int, in session: DatabaseSession) async throws -> [VersionSummary]? {
        guard let row = try await row(country: country, year: year, in: session) else { return nil }
        return try await session.rows(
            """
            SELECT v.version, v.created_at, t.role FROM report_versions v LEFT JOIN tokens t ON t.id = v.created_by
            WHERE v.report_id = \(row.id) ORDER BY v.version
            """
        ).map { sqlRow in
            let (version, savedAt, role) = try sqlRow.decode((Int, Date, String?).self)
            return VersionSummary(
                version: version,
                savedAt: savedAt,
                savedBy: role ?? "secretariat",
                accepted: version == row.acceptedVersion,
                current: version == row.currentVersion
            )
        }
    }

    private func content(
        reportID: Int64,
        version: Int,
        in session: DatabaseSession
    ) async throws
        -> (savedAt: Date, savedBy: String?, values: [ReportValue], narratives: [Narrative])
    {
        let header = try await session.rows(
            """
            SELECT v.created_at, t.role FROM report_versions v LEFT JOIN tokens t ON t.id = v.created_by
            WHERE v.report_id = \(reportID) AND v.version = \(version)
            """
        )
        guard let first = header.first else { throw MissingRow() }
        let (savedAt, role) = try first.decode((Date, String?).self)
        let values = try await session.rows(
            """
            SELECT indicator, measure_kind, value, not_available, note, source, nature FROM report_values
            WHERE report_id = \(reportID) AND version = \(version) ORDER BY indicator COLLATE "C"
            """
        ).map { row in
            let (indicator, kind, value, notAvailable, note, source, nature) =
                try row.decode((String, MeasureKind, Decimal?, String?, String?, String?, ValueNature).self)
            return ReportValue(
                indicator: indicator,
                value: value.map { ReportedValue(stored: $0, kind: kind) },
                notAvailable: notAvailable,
                note: note,
                source: source,
                nature: nature
            )
        }
        let narratives = try await session.rows(
            """
            SELECT goal, actions_taken, actions_planned FROM report_narratives
            WHERE report_id = \(reportID) AND version = \(version) ORDER BY goal
            """
        ).map { row in
            let (goal, taken, planned) = try row.decode((Int, String, String).self)
            return Narrative(goal: goal, actionsTaken: taken, actionsPlanned: planned)
        }
        return (savedAt, role ?? "secretariat", values, narratives)
    }

    /// A new draft report at version 1; nil when another transaction created it first.
    func create(country: String, year: Int, in session: DatabaseSession) async throws -> Int64? {
        try await session.rows(
            """
            INSERT INTO reports (country, year, status, current_version) VALUES (\(country), \(Int16(year)), 'draft', 1)
            ON CONFLICT (country, year) DO NOTHING RETURNING id
            """
        ).first?.decode(Int64.self)
    }

    /// Writes an immutable version with its values and narratives, points the report at it,
    /// a draft again, and records the save in the audit log: `entry`, then one entry for
    /// each value that differs from the version before. One statement, one round trip.
    /// Returns the version's `created_at` as stored.
    func writeVersion(
        reportID: Int64,
        version: Int,
        _ content: ValidatedReport,
        entry: AuditRecord,
        at now: Date,
        in session: DatabaseSession
    ) async throws -> Date {
        let statement = try WriteVersion(
            reportID: reportID,
            version: Int32(version),
            now: now,
            values: Self.json(content.values),
            narratives: Self.json(content.narratives),
            entry: entry
        )
        guard let row = try await session.rows(statement).first else { throw MissingRow() }
        return try row.decode(Date.self)
    }

    /// Values or narratives as the JSON `WriteVersion` reads with `jsonb_to_recordset`,
    /// written by hand: through `JSONEncoder` it was a tenth of a save's time in the
    /// service (docs/benchmarks.md, "Filing").
    static func json<Rows: Collection>(_ rows: Rows) -> String where Rows.Element: JSONBodyValue {
        var json = JSONBodyWriter(capacity: 160 * rows.count)
        json.array(rows)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    func markSubmitted(reportID: Int64, at now: Date, in session: DatabaseSession) async throws {
        try await session.run(
            """
            UPDATE reports SET status = 'submitted', submitted_at = \(now), first_submitted_at = coalesce(first_submitted_at, \(now))
            WHERE id = \(reportID)
            """
        )
    }

    func markAccepted(reportID: Int64, at now: Date, in session: DatabaseSession) async throws {
        try await session.run(
            """
            UPDATE reports SET status = 'accepted', accepted_version = current_version, accepted_at = \(now), reviewed_at = \(now)
            WHERE id = \(reportID)
            """
        )
    }

    func markReturned(reportID: Int64, at now: Date, in session: DatabaseSession) async throws {
        try await session.run("UPDATE reports SET status = 'returned', reviewed_at = \(now) WHERE id = \(reportID)")
    }

    /// Demo reports are marked, so that the public responses say so.
    func markDemo(reportID: Int64, in session: DatabaseSession) async throws {
        try await session.run("UPDATE reports SET demo = true WHERE id = \(reportID)")
    }

    func hasDemoReports(in session: DatabaseSession) async throws -> Bool {
        try await session.rows("SELECT EXISTS (SELECT 1 FROM reports WHERE demo)")[0].decode(Bool.self)
    }
}

/// `ReportRepository.row`: a report's row; $1 the country, $2 the year. A save reads it,
/// locked, inside its first statement (`ReportRepository.saveState`).
struct ReportRowQuery: PreparedStatement {
    static let sql = """
        SELECT id, status, current_version, accepted_version, first_submitted_at, submitted_at, accepted_at
        FROM reports WHERE country = $1 AND year = $2
        """
    static let bindingDataTypes: [PostgresDataType] = [.bpchar, .int2]
    let country: String
    let year: Int16
    func makeBindings() throws -> PostgresBindings { try .of(country, year) }
}

/// `ReportRepository.row(forUpdate: true)`: a report's row, locked; run for every
/// submission and review.
private struct LockedReportRow: PreparedStatement {
    static let sql = ReportRowQuery.sql + " FOR UPDATE"
    static let bindingDataTypes = ReportRowQuery.bindingDataTypes
    let country: String
    let year: Int16
    func makeBindings() throws -> PostgresBindings { try .of(country, year) }
}

/// `ReportRepository.writeVersion`: the version, its values and narratives, the report
/// pointed at it, and the save's audit entries, in one statement. The foreign keys of
/// values and narratives to their version are checked at the end of the statement.
///
/// The audit entries are written here rather than by `AuditRepository`, because as two
/// statements of their own they were two more round trips in every save
/// (docs/benchmarks.md, "Filing"). The value changes compare the values this statement
/// writes (`saved_values`) with the version before; `entry` is read first, so that the
/// save's own entry comes before them in the log, as when they were separate statements.
private struct WriteVersion: PreparedStatement {
    static let sql = """
        WITH saved AS (
            INSERT INTO report_versions (report_id, version, created_at, created_by)
            VALUES ($1, $2, $3, $6) RETURNING created_at
        ), saved_values AS (
            INSERT INTO report_values (report_id, version, indicator, measure_kind, value, not_available, note, source, nature)
            SELECT $1, $2, v.indicator, i.measure_kind, v.value, v.not_available, v.note, v.source, v.nature
            FROM jsonb_to_recordset($4::jsonb)
                 AS v(indicator text, value numeric, not_available text, note text, source text, nature text)
            JOIN indicators i ON i.code = v.indicator
            RETURNING indicator, version, value, not_available, note, source, nature
        ), saved_narratives AS (
            INSERT INTO report_narratives (report_id, version, goal, actions_taken, actions_planned)
            SELECT $1, $2, n.goal, n.actions_taken, n.actions_planned
            FROM jsonb_to_recordset($5::jsonb) AS n(goal smallint, actions_taken text, actions_planned text)
        ), entry AS (
            INSERT INTO audit_log (at, actor_token, actor_role, action, country, year, entity, entity_id, old_value, new_value)
            VALUES ($3, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14::jsonb)
            RETURNING id
        ), value_changes AS (
            INSERT INTO audit_log (at, actor_token, actor_role, action, country, year, entity, entity_id, old_value, new_value)
            SELECT $3, $6, $7, '\(AuditAction.valueChanged.rawValue)', $9, $10, '\(AuditAction.valueChanged.entity)',
                   $9 || '/' || $10::text || '/' || coalesce(n.indicator, o.indicator),
                   CASE WHEN o.indicator IS NOT NULL THEN jsonb_build_object('version', o.version, 'value', o.value,
                        'not_available', o.not_available, 'note', o.note, 'source', o.source, 'nature', o.nature) END,
                   CASE WHEN n.indicator IS NOT NULL THEN jsonb_build_object('version', n.version, 'value', n.value,
                        'not_available', n.not_available, 'note', n.note, 'source', n.source, 'nature', n.nature) END
            FROM (SELECT * FROM saved_values WHERE EXISTS (SELECT FROM entry)) n
            FULL JOIN (SELECT * FROM report_values WHERE report_id = $1 AND version = $2 - 1) o
                 ON o.indicator = n.indicator
            WHERE (n.value, n.not_available, n.note, n.source, n.nature)
                  IS DISTINCT FROM (o.value, o.not_available, o.note, o.source, o.nature)
        )
        UPDATE reports SET current_version = $2, status = 'draft' WHERE id = $1
        RETURNING (SELECT created_at FROM saved)
        """
    /// $1–$5 the version and its content, $6–$14 `entry` (`PostgresBindings.append(_:)`).
    static let bindingDataTypes: [PostgresDataType] = [.int8, .int4, .timestamptz, .text, .text] + PostgresBindings.auditEntryTypes
    let bindings: PostgresBindings

    init(reportID: Int64, version: Int32, now: Date, values: String, narratives: String, entry: AuditRecord) throws {
        var bindings = try PostgresBindings.of(reportID, version, now, values, narratives)
        try bindings.append(entry)
        self.bindings = bindings
    }

    func makeBindings() -> PostgresBindings { bindings }
}

/// A value as `WriteVersion` stores it: an absent member is NULL to `jsonb_to_recordset`.
extension ReportValue: JSONBodyValue {
    func write(to json: inout JSONBodyWriter) {
        json.object { json in
            json.member("indicator", indicator)
            json.member("nature", nature.rawValue)
            json.member("not_available", ifPresent: notAvailable)
            json.member("note", ifPresent: note)
            json.member("source", ifPresent: source)
            json.member("value", ifPresent: value?.stored)
        }
    }
}

/// A narrative as `WriteVersion` stores it.
extension Narrative: JSONBodyValue {
    func write(to json: inout JSONBodyWriter) {
        json.object { json in
            json.member("actions_planned", actionsPlanned)
            json.member("actions_taken", actionsTaken)
            json.member("goal", goal)
        }
    }
}
