import Foundation

extension SummaryRepository {
    /// Every accepted number up to `year`, per indicator and data year: the values
    /// the summary's figures add up (`indicators`, the multi-year view, the level).
    func contributors(_ year: Int, on session: DatabaseSession) async throws -> ContributorSets {
        let rows = try await session.rows(
            """
            SELECT v.indicator, r.year::int, r.country::text, trim_scale(v.value)::text
            FROM reports r JOIN report_values v ON v.report_id = r.id AND v.version = r.accepted_version
            WHERE r.year <= \(Int16(year)) AND r.accepted_version IS NOT NULL AND v.value IS NOT NULL
            """
        )
        var sets = ContributorSets()
        for row in rows {
            let (indicator, dataYear, country, value) = try row.decode((String, Int, String, String).self)
            sets.values[Quantity(indicator: indicator, year: dataYear), default: [:]][country] = value
        }
        return sets
    }
}
