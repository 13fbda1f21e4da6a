import Foundation
import PostgresNIO

/// Every SQL statement on targets: the secretariat's changes, and the targets with
/// the figures a country-scope target is judged on.
struct TargetRepository: Sendable {
    static let columns = """
        id, indicator, operational_goal, scope, country::text, rule, threshold, basis,
        baseline_year, description, source, min_coverage_pct, change
        """

    func all(id: String? = nil, forUpdate: Bool = false, in session: DatabaseSession) async throws -> [Target] {
        let rows = try await session.rows(
            """
            SELECT \(unescaped: Self.columns) FROM targets WHERE \(id)::text IS NULL OR id = \(id)
            ORDER BY id \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """
        )
        return try rows.map(Self.target)
    }

    /// Inserts `target`; false when its id is taken.
    func insert(_ target: Target, in session: DatabaseSession) async throws -> Bool {
        try await !session.rows(
            """
            INSERT INTO targets (id, indicator, operational_goal, scope, country, rule, threshold, basis,
                                 baseline_year, description, source, min_coverage_pct, change)
            VALUES (\(target.id), \(target.indicator), \(target.operationalGoal), \(target.scope), \(target.country), \(target.rule),
                    \(target.threshold), \(target.basis), \(target.baselineYear.map(Int16.init)), \(target.description), \(target.source),
                    \(target.minCoveragePct), \(target.change))
            ON CONFLICT (id) DO NOTHING RETURNING id
            """
        ).isEmpty
    }

    func update(_ target: Target, in session: DatabaseSession) async throws {
        _ = try await session.rows(
            """
            UPDATE targets SET indicator = \(target.indicator), operational_goal = \(target.operationalGoal), scope = \(target.scope),
                   country = \(target.country), rule = \(target.rule), threshold = \(target.threshold), basis = \(target.basis),
                   baseline_year = \(target.baselineYear.map(Int16.init)), description = \(target.description),
                   source = \(target.source), min_coverage_pct = \(target.minCoveragePct), change = \(target.change)
            WHERE id = \(target.id)
            """
        )
    }

    /// Every target (or one country's), each with its country's accepted values this
    /// year and last (none alliance-wide).
    func judged(_ year: Int, country: String? = nil, on session: DatabaseSession) async throws -> [(AllianceTarget, CountryFigure)] {
        try await session.rows(
            """
            SELECT t.id, t.indicator, t.scope, t.country::text, t.rule, t.threshold, t.basis, t.change, t.min_coverage_pct,
                   cur.value, coalesce(cur.found AND cur.value IS NULL, false), prev.value
            FROM targets t
            LEFT JOIN LATERAL (SELECT v.value, true AS found FROM reports r JOIN report_values v ON v.report_id = r.id AND v.version = r.accepted_version
                               WHERE r.country = t.country AND r.year = \(Int16(year)) AND v.indicator = t.indicator) cur ON true
            LEFT JOIN LATERAL (SELECT v.value FROM reports r JOIN report_values v ON v.report_id = r.id AND v.version = r.accepted_version
                               WHERE r.country = t.country AND r.year = \(Int16(year - 1)) AND v.indicator = t.indicator) prev ON true
            WHERE \(country)::text IS NULL OR t.country = \(country)
            ORDER BY t.scope, t.id
            """
        ).map { row in
            let (id, indicator, scope, country, rule, threshold, basis, change, coverage, current, unavailable, previous) = try row.decode(
                (String, String, TargetScope, String?, TargetRule, Decimal?, TargetBasis, TargetChange, Decimal, Decimal?, Bool, Decimal?).self
            )
            let target = AllianceTarget(
                id: id,
                indicator: indicator,
                scope: scope,
                country: country,
                rule: rule,
                threshold: threshold,
                basis: basis,
                change: change,
                minCoveragePct: coverage
            )
            return (target, CountryFigure(current: current, previous: previous, notAvailable: unavailable))
        }
    }

    private static func target(_ row: PostgresRow) throws -> Target {
        let (id, indicator, goal, scope, country, rule, threshold, basis, baselineYear, description, source, coverage, change) =
            try row.decode(
                (
                    String, String, String?, TargetScope, String?, TargetRule, Decimal?, TargetBasis, Int?, String, String?, Decimal,
                    TargetChange
                ).self
            )
        return Target(
            id: id,
            indicator: indicator,
            operationalGoal: goal,
            scope: scope,
            country: country,
            rule: rule,
            threshold: threshold,
            basis: basis,
            baselineYear: baselineYear,
            description: description,
            source: source,
            minCoveragePct: coverage,
            change: change
        )
    }
}
