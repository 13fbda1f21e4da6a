import Foundation
import Logging
import PostgresNIO

/// What submission demands (SPEC §2): every indicator the cycle requires has a
/// value or a not-available reason; a value that changed by more than ±50 % on
/// last year's accepted value, or lies outside the indicator's expected range,
/// carries a justification in its note.
enum SubmissionCheck {
    static func problems(
        reportID: Int64, version: Int, country: String, year: Int, on connection: PostgresConnection, logger: Logger
    ) async throws -> [FieldError] {
        let missing = try await connection.query("""
            SELECT r.indicator FROM cycle_required_indicators r
            WHERE r.year = \(Int16(year)) AND NOT EXISTS (
                SELECT 1 FROM report_values v WHERE v.report_id = \(reportID) AND v.version = \(version)
                AND v.indicator = r.indicator)
            ORDER BY r.indicator
            """, logger: logger).collect().map { row in
            let indicator = try row.decode(String.self)
            return FieldError(field: "values.\(indicator)", code: .missingIndicator,
                              message: "the cycle requires a value or a not-available reason")
        }
        var warnings: [FieldError] = []
        let rows = try await connection.query("""
            SELECT v.indicator, v.measure_kind, v.value, coalesce(btrim(v.note), '') <> '', i.expected_min, i.expected_max,
                   (SELECT pv.value FROM reports p JOIN report_values pv
                        ON pv.report_id = p.id AND pv.version = p.accepted_version AND pv.indicator = v.indicator
                    WHERE p.country = \(country) AND p.year = \(Int16(year - 1)))
            FROM report_values v JOIN indicators i ON i.code = v.indicator
            WHERE v.report_id = \(reportID) AND v.version = \(version) AND v.value IS NOT NULL
            ORDER BY v.indicator
            """, logger: logger).collect()
        for row in rows {
            let (indicator, kind, value, justified, min, max, previous) =
                try row.decode((String, String, Decimal, Bool, Decimal?, Decimal?, Decimal?).self)
            guard !justified else { continue }
            let field = "values.\(indicator).note"
            if kind != "boolean", let previous, changedByMoreThanHalf(previous, value) {
                warnings.append(.init(field: field, code: .changeOver50Percent,
                                      message: "\(value) against \(previous) last year: justify the change in the value's note"))
            }
            if let min, value < min {
                warnings.append(.init(field: field, code: .outsideExpectedRange,
                                      message: "\(value) is below the expected minimum \(min): justify it in the value's note"))
            } else if let max, value > max {
                warnings.append(.init(field: field, code: .outsideExpectedRange,
                                      message: "\(value) is above the expected maximum \(max): justify it in the value's note"))
            }
        }
        return missing + warnings
    }

    /// More than ±50 % of last year's value; from zero, any change at all.
    static func changedByMoreThanHalf(_ previous: Decimal, _ current: Decimal) -> Bool {
        guard previous != 0 else { return current != 0 }
        let change = (current - previous) / previous
        return change > Decimal(string: "0.5")! || change < Decimal(string: "-0.5")!
    }
}
