/// The common table expressions the multi-year view and the level share, so that
/// both start from the same accepted numbers and the same baseline years. Built from
/// an integer and enum constants only: nothing from a request.
enum BaselineSQL {
    /// `accepted`: every accepted number up to `year`. `bases`: each indicator's
    /// baseline year, its alliance-wide target's `baseline_year` or else its first
    /// year with an accepted number (of flows only, with `flowsOnly`).
    ///
    /// `accepted` is inlined (NOT MATERIALIZED), so that a statement reading one year of it
    /// reaches that year's reports through `reports_year` instead of every year's values;
    /// the first year is found walking the reports in year order until one gives a number
    /// (an index scan that stops at the first), where scanning `accepted` once per
    /// indicator read every accepted value of the history each time (docs/benchmarks.md,
    /// "Live summary": 1.0 s of the level's 1.3 s at 30 years, under EXPLAIN ANALYZE).
    static func acceptedAndBases(upTo year: Int, flowsOnly: Bool) -> String {
        let kinds = flowsOnly ? "WHERE i.measure_kind = '\(MeasureKind.flow.rawValue)'" : ""
        return """
            accepted AS NOT MATERIALIZED (
                SELECT r.year::int AS year, r.country::text AS country, v.indicator, v.value
                FROM reports r JOIN report_values v ON v.report_id = r.id AND v.version = r.accepted_version
                WHERE r.year <= \(year) AND r.accepted_version IS NOT NULL AND v.value IS NOT NULL
            ),
            -- computed once: inlined, its correlated subqueries ran once per joined row
            -- (3.2 s instead of 14 ms on the demo data)
            bases AS MATERIALIZED (
                SELECT i.code AS indicator,
                       coalesce((SELECT min(t.baseline_year)::int FROM targets t
                                 WHERE t.indicator = i.code AND t.scope = '\(TargetScope.alliance.rawValue)'),
                                -- `accepted`'s rows, ordered by the indexed column itself (not its ::int)
                                (SELECT r.year::int FROM reports r
                                 JOIN report_values v ON v.report_id = r.id AND v.version = r.accepted_version
                                 WHERE r.year <= \(year) AND r.accepted_version IS NOT NULL AND v.value IS NOT NULL
                                   AND v.indicator = i.code
                                 ORDER BY r.year LIMIT 1)) AS base_year
                FROM indicators i \(kinds)
            )
            """
    }
}
