/// The common table expression the multi-year view and the level share, so that both
/// start from the same baseline years. Built from an integer and enum constants only:
/// nothing from a request.
enum BaselineSQL {
    /// `bases`: each indicator's baseline year, its alliance-wide target's
    /// `baseline_year` or else its first year up to `year` with an accepted number
    /// (of flows only, with `flowsOnly`), read from each year's figures (sql/0022): a
    /// row a year, where the accepted values are hundreds.
    static func bases(upTo year: Int, flowsOnly: Bool) -> String {
        let kinds = flowsOnly ? "WHERE i.measure_kind = '\(MeasureKind.flow.rawValue)'" : ""
        return """
            bases AS MATERIALIZED (
                SELECT i.code AS indicator, i.measure_kind AS kind,
                       coalesce((SELECT min(t.baseline_year)::int FROM targets t
                                 WHERE t.indicator = i.code AND t.scope = '\(TargetScope.alliance.rawValue)'),
                                (SELECT min(f.year)::int FROM summary_year_figures f
                                 WHERE f.indicator = i.code AND f.year <= \(year) AND f.n > 0)) AS base_year
                FROM indicators i \(kinds)
            )
            """
    }
}
