import Foundation
import Logging
import PostgresNIO

/// Reads reports and their versions.
enum ReportStore {
    /// The report row: its pointers and where it stands.
    struct Row: Sendable {
        let id: Int64
        let status: ReportStatus
        let currentVersion: Int
        let acceptedVersion: Int?
        let firstSubmittedAt: Date?
        let submittedAt: Date?
        let acceptedAt: Date?
    }

    static func row(country: String, year: Int, forUpdate: Bool = false, on connection: PostgresConnection, logger: Logger) async throws -> Row? {
        var query: PostgresQuery = """
            SELECT id, status, current_version, accepted_version, first_submitted_at, submitted_at, accepted_at
            FROM reports WHERE country = \(country) AND year = \(Int16(year))
            """
        if forUpdate { query.sql += " FOR UPDATE" }
        guard let row = try await connection.query(query, logger: logger).collect().first else { return nil }
        let (id, status, current, accepted, first, submitted, acceptedAt) =
            try row.decode((Int64, ReportStatus, Int, Int?, Date?, Date?, Date?).self)
        return Row(id: id, status: status, currentVersion: current, acceptedVersion: accepted,
                   firstSubmittedAt: first, submittedAt: submitted, acceptedAt: acceptedAt)
    }

    /// The report with its working version, or nil when the country has none for the year.
    static func report(country: String, year: Int, on connection: PostgresConnection, logger: Logger) async throws -> Report? {
        guard let row = try await row(country: country, year: year, on: connection, logger: logger) else { return nil }
        let content = try await content(reportID: row.id, version: row.currentVersion, on: connection, logger: logger)
        return Report(
            country: country, year: year, status: row.status, version: row.currentVersion,
            acceptedVersion: row.acceptedVersion, firstSubmittedAt: row.firstSubmittedAt, submittedAt: row.submittedAt,
            acceptedAt: row.acceptedAt, savedAt: content.savedAt, values: content.values, narratives: content.narratives
        )
    }

    static func version(country: String, year: Int, version: Int, on connection: PostgresConnection, logger: Logger) async throws -> ReportVersion? {
        guard let row = try await row(country: country, year: year, on: connection, logger: logger),
              (1...row.currentVersion).contains(version)
        else { return nil }
        let content = try await content(reportID: row.id, version: version, on: connection, logger: logger)
        return ReportVersion(country: country, year: year, version: version, savedAt: content.savedAt,
                             savedBy: content.savedBy, accepted: row.acceptedVersion == version,
                             values: content.values, narratives: content.narratives)
    }

    static func versions(country: String, year: Int, on connection: PostgresConnection, logger: Logger) async throws -> [VersionSummary]? {
        guard let row = try await row(country: country, year: year, on: connection, logger: logger) else { return nil }
        return try await connection.query("""
            SELECT v.version, v.created_at, t.role FROM report_versions v LEFT JOIN tokens t ON t.id = v.created_by
            WHERE v.report_id = \(row.id) ORDER BY v.version
            """, logger: logger).collect().map { sqlRow in
            let (version, savedAt, role) = try sqlRow.decode((Int, Date, String?).self)
            return VersionSummary(version: version, savedAt: savedAt, savedBy: role ?? "secretariat",
                                  accepted: version == row.acceptedVersion, current: version == row.currentVersion)
        }
    }

    private static func content(reportID: Int64, version: Int, on connection: PostgresConnection, logger: Logger) async throws
        -> (savedAt: Date, savedBy: String?, values: [ReportValue], narratives: [Narrative])
    {
        let header = try await connection.query("""
            SELECT v.created_at, t.role FROM report_versions v LEFT JOIN tokens t ON t.id = v.created_by
            WHERE v.report_id = \(reportID) AND v.version = \(version)
            """, logger: logger).collect()
        let (savedAt, role) = try header[0].decode((Date, String?).self)
        let values = try await connection.query("""
            SELECT indicator, measure_kind, value, not_available, note, source, nature FROM report_values
            WHERE report_id = \(reportID) AND version = \(version) ORDER BY indicator
            """, logger: logger).collect().map { row in
            let (indicator, kind, value, notAvailable, note, source, nature) =
                try row.decode((String, MeasureKind, Decimal?, String?, String?, String?, ValueNature).self)
            return ReportValue(indicator: indicator, value: value.map { ReportedValue(stored: $0, kind: kind) },
                               notAvailable: notAvailable, note: note, source: source, nature: nature)
        }
        let narratives = try await connection.query("""
            SELECT goal, actions_taken, actions_planned FROM report_narratives
            WHERE report_id = \(reportID) AND version = \(version) ORDER BY goal
            """, logger: logger).collect().map { row in
            let (goal, taken, planned) = try row.decode((Int, String, String).self)
            return Narrative(goal: goal, actionsTaken: taken, actionsPlanned: planned)
        }
        return (savedAt, role ?? "secretariat", values, narratives)
    }
}
