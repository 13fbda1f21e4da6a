import Foundation

@testable import AllianceTracker

/// Reports written straight into the database, so that a summary test states its
/// data as a table and its answers as numbers worked out by hand.
enum SummaryFixtures {
    /// One version's values: indicator → value as text, or nil for "not available".
    typealias Values = [String: String?]

    static func cycle(_ url: DatabaseURL, _ year: Int) throws {
        try sql(
            url,
            """
            INSERT INTO reporting_cycles (year, opens_on, due_on, locks_on)
            VALUES ($1::smallint, make_date($1::int + 1, 1, 1), make_date($1::int + 1, 3, 31), make_date($1::int + 1, 6, 30));
            """,
            [String(year)]
        )
        try sql(url, "INSERT INTO cycle_required_indicators SELECT $1::smallint, code FROM indicators", [String(year)])
        try sql(
            url,
            """
            INSERT INTO cycle_expected_reporters SELECT DISTINCT $1::smallint, country FROM memberships
            WHERE joined_on <= make_date($1::int + 1, 3, 31) AND (left_on IS NULL OR left_on > make_date($1::int + 1, 3, 31))
            """,
            [String(year)]
        )
    }

    /// A report with its versions; `accepted` names the version that counts.
    static func report(
        _ url: DatabaseURL,
        _ country: String,
        _ year: Int,
        status: String = "accepted",
        submitted: String? = "2025-03-01T10:00:00Z",
        versions: [Values],
        accepted: Int? = nil
    ) throws {
        let acceptedVersion = accepted ?? (status == "accepted" ? versions.count : nil)
        let rows = versions.enumerated().flatMap { index, values in
            values.map { indicator, value in
                JSONValue.object([
                    "version": .number(Decimal(index + 1)), "indicator": .string(indicator),
                    "value": value.map { .number(Decimal(string: $0)!) } ?? .null,
                ])
            }
        }
        // one statement, so that the report and its versions arrive together
        try sql(
            url,
            """
            WITH r AS (
                INSERT INTO reports (country, year, status, current_version, accepted_version, first_submitted_at, submitted_at)
                VALUES ($1, $2::smallint, $3, $4::int, $5::int, $6::timestamptz, $6::timestamptz) RETURNING id
            ), v AS (
                INSERT INTO report_versions (report_id, version) SELECT r.id, n FROM r, generate_series(1, $4::int) n RETURNING report_id
            )
            INSERT INTO report_values (report_id, version, indicator, measure_kind, value, not_available)
            SELECT r.id, e.version, i.code, i.measure_kind, e.value, CASE WHEN e.value IS NULL THEN 'not collected' END
            FROM r, jsonb_to_recordset($7::jsonb) AS e(version int, indicator text, value numeric)
            JOIN indicators i ON i.code = e.indicator
            """,
            [
                country, String(year), status, String(versions.count), acceptedVersion.map(String.init), submitted,
                JSONValue.array(rows).text,
            ]
        )
    }
}
