import Foundation
import PostgresNIO

/// What `SubmissionCheck` reads: the required indicators a version leaves out, and
/// its values that need a justification.
extension ReportRepository {
    /// The indicators the year's cycle requires that the version leaves out.
    func missingRequired(reportID: Int64, version: Int, year: Int, in session: DatabaseSession) async throws -> [String] {
        try await session.rows(
            """
            SELECT r.indicator FROM cycle_required_indicators r
            WHERE r.year = \(Int16(year)) AND NOT EXISTS (
                SELECT 1 FROM report_values v WHERE v.report_id = \(reportID) AND v.version = \(version)
                AND v.indicator = r.indicator)
            ORDER BY r.indicator
            """
        ).map { try $0.decode(String.self) }
    }

    /// The version's values without a justifying note, with what they are checked against.
    func unjustifiedValues(
        reportID: Int64,
        version: Int,
        country: String,
        year: Int,
        in session: DatabaseSession
    ) async throws -> [SubmittedValue] {
        try await session.rows(
            """
            SELECT v.indicator, v.measure_kind, v.value, i.expected_min, i.expected_max,
                   (SELECT pv.value FROM reports p JOIN report_values pv
                        ON pv.report_id = p.id AND pv.version = p.accepted_version AND pv.indicator = v.indicator
                    WHERE p.country = \(country) AND p.year = \(Int16(year - 1)))
            FROM report_values v JOIN indicators i ON i.code = v.indicator
            WHERE v.report_id = \(reportID) AND v.version = \(version) AND v.value IS NOT NULL
              AND coalesce(btrim(v.note), '') = ''
            ORDER BY v.indicator
            """
        ).map { row in
            let (indicator, kind, value, min, max, previous) =
                try row.decode((String, MeasureKind, Decimal, Decimal?, Decimal?, Decimal?).self)
            return SubmittedValue(
                indicator: indicator,
                kind: kind,
                value: value,
                expectedMin: min,
                expectedMax: max,
                lastYear: previous
            )
        }
    }
}
