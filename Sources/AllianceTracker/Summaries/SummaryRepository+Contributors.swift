import Foundation

extension SummaryRepository {
    /// Per indicator, the countries with a number in their accepted report this year
    /// and last year: the same countries the summary's figures add up (`indicators`).
    func contributors(_ year: Int, on session: DatabaseSession) async throws -> ContributorSets {
        let rows = try await session.rows(
            """
            SELECT v.indicator, r.year::int, array_agg(DISTINCT r.country::text)
            FROM reports r JOIN report_values v ON v.report_id = r.id AND v.version = r.accepted_version
            WHERE r.year IN (\(Int16(year)), \(Int16(year - 1))) AND r.accepted_version IS NOT NULL AND v.value IS NOT NULL
            GROUP BY v.indicator, r.year
            """
        )
        var sets = ContributorSets()
        for row in rows {
            let (indicator, dataYear, countries) = try row.decode((String, Int, [String]).self)
            if dataYear == year { sets.current[indicator] = Set(countries) } else { sets.previous[indicator] = Set(countries) }
        }
        return sets
    }
}
