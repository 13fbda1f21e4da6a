import Foundation
import PostgresNIO

/// The worklist's one statement: every expected reporter and every other country
/// that filed for the year, with what the secretariat needs of each report.
struct WorklistRepository: Sendable {
    /// The rows of `year`'s worklist, by country, counted to the UTC day `today`
    /// (`yyyy-MM-dd`); empty when there is no cycle. `changes_since_accepted`
    /// counts the indicators the default diff lists (`ReportDiff`): present in one
    /// version only, or differing in value, not-available reason, note, source or nature.
    func rows(_ year: Int, today: String, in session: DatabaseSession) async throws -> [WorklistRow] {
        let rows = try await session.rows(
            """
            WITH filed AS (
                SELECT id, country, status, current_version, accepted_version, first_submitted_at, submitted_at, reviewed_at,
                       (first_submitted_at AT TIME ZONE 'UTC')::date AS first_day
                FROM reports WHERE year = \(Int16(year))
            ),
            expected AS (SELECT country FROM cycle_expected_reporters WHERE year = \(Int16(year)))
            SELECT coalesce(e.country, f.country)::text, e.country IS NOT NULL, f.status, f.current_version, f.accepted_version,
                   f.first_submitted_at,
                   CASE WHEN f.first_day IS NOT NULL THEN f.first_day <= c.due_on
                        WHEN \(today)::date > c.due_on THEN false END,
                   CASE WHEN coalesce(f.first_day, \(today)::date) > c.due_on
                        THEN coalesce(f.first_day, \(today)::date) - c.due_on END,
                   greatest(v.created_at, f.submitted_at, f.reviewed_at),
                   CASE WHEN f.accepted_version IS NOT NULL THEN (
                       SELECT count(*)::int
                       FROM (SELECT * FROM report_values WHERE report_id = f.id AND version = f.accepted_version) a
                       FULL JOIN (SELECT * FROM report_values WHERE report_id = f.id AND version = f.current_version) b
                            ON b.indicator = a.indicator
                       -- an indicator in one version only meets a row of nulls: its nature is never null
                       WHERE (a.value, a.not_available, a.note, a.source, a.nature)
                             IS DISTINCT FROM (b.value, b.not_available, b.note, b.source, b.nature)
                   ) END
            FROM reporting_cycles c
            CROSS JOIN (expected e FULL JOIN filed f ON f.country = e.country)
            LEFT JOIN report_versions v ON v.report_id = f.id AND v.version = f.current_version
            WHERE c.year = \(Int16(year))
            ORDER BY 1
            """
        )
        return try rows.map { row in
            let (country, expected, status, version, accepted, first, onTime, daysLate, lastChange, changes) = try row.decode(
                (String, Bool, ReportStatus?, Int?, Int?, Date?, Bool?, Int?, Date?, Int?).self
            )
            return WorklistRow(
                country: country,
                expected: expected,
                status: WorklistStatus(status, amended: accepted != nil),
                version: Nullable(version),
                acceptedVersion: Nullable(accepted),
                firstSubmittedAt: Nullable(first),
                onTime: Nullable(onTime),
                daysLate: Nullable(daysLate),
                lastChangeAt: Nullable(lastChange),
                changesSinceAccepted: Nullable(changes)
            )
        }
    }
}
