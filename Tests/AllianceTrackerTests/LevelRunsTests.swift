import Foundation
import Testing

@testable import AllianceTracker

/// The level read from `summary_level_runs` (sql/0020) against the plain SQL it
/// replaced, which adds up every accepted number since the baseline year: over a
/// random history (fixed seed) with gaps, amendments and decimals, then after
/// amendments accepted in earlier years and a gap filled.
@Suite struct LevelRunsTests {
    static let countries = ["BE", "DE", "ES", "FR", "IT", "NL", "PL"]

    /// The level as it was computed before sql/0020, for `$1`'s year.
    static let oracle = """
        WITH accepted AS (
            SELECT r.year::int AS year, r.country::text AS country, v.indicator, v.value
            FROM reports r JOIN report_values v ON v.report_id = r.id AND v.version = r.accepted_version
            WHERE r.year <= $1::int AND r.accepted_version IS NOT NULL AND v.value IS NOT NULL
        ),
        bases AS (
            SELECT i.code AS indicator,
                   coalesce((SELECT min(t.baseline_year)::int FROM targets t WHERE t.indicator = i.code AND t.scope = 'alliance'),
                            (SELECT min(a.year) FROM accepted a WHERE a.indicator = i.code)) AS base_year
            FROM indicators i WHERE i.measure_kind = 'flow'
        ),
        panel AS (
            SELECT a.indicator, a.country, x.base_year,
                   sum(a.value) FILTER (WHERE a.year < $1::int) AS previous, sum(a.value) AS current
            FROM bases x JOIN accepted a ON a.indicator = x.indicator AND a.year >= x.base_year
            WHERE x.base_year < $1::int
            GROUP BY a.indicator, a.country, x.base_year
            HAVING count(*) = $1::int - x.base_year + 1
        )
        SELECT indicator, base_year, array_to_string(array_agg(country ORDER BY country), ','), sum(previous), sum(current),
               CASE WHEN sum(previous) > 0 THEN (sum(current) - sum(previous)) / sum(previous) * 100 END
        FROM panel GROUP BY indicator, base_year ORDER BY indicator
        """

    /// Every flow's level of every year from 2013 to 2020 equals the oracle's.
    static func expectSameLevels(_ r: Reporting) async throws {
        let flows = try sql(r.url, "SELECT code FROM indicators WHERE measure_kind = 'flow' ORDER BY code").compactMap { $0[0] }
        var panels = 0
        for year in 2013...2020 {
            let expected = Dictionary(uniqueKeysWithValues: try sql(r.url, oracle, [String(year)]).map { ($0[0]!, $0) })
            let summary = try await SummaryTests.live(r, year)
            for code in flows {
                let level = try #require(try SummaryTests.indicator(summary, code)["level"] as? [String: Any])
                guard let row = expected[code] else {
                    #expect(level["countries"] as? Int == 0, "\(code) \(year)")
                    continue
                }
                panels += 1
                #expect(level["baseline_year"] as? Int == Int(row[1]!), "\(code) \(year)")
                #expect((level["panel"] as? [String])?.joined(separator: ",") == row[2], "\(code) \(year)")
                #expect(SummaryTests.number(level["previous"]) == Decimal(string: row[3]!), "\(code) \(year)")
                #expect(SummaryTests.number(level["current"]) == Decimal(string: row[4]!), "\(code) \(year)")
                if let growth = row[5] {
                    #expect(SummaryTests.close(level["growth_pct"], growth, digits: 6), "\(code) \(year)")
                } else {
                    #expect(level["growth_pct"] is NSNull, "\(code) \(year)")
                }
            }
        }
        #expect(panels > 20)
    }

    @Test func theLevelEqualsTheSumOfEveryYearOverARandomHistory() async throws {
        try await withReporting { r in
            for year in 2012...2020 { try SummaryFixtures.cycle(r.url, year) }
            try sql(
                r.url,
                """
                BEGIN;
                SELECT setseed(0.14);
                INSERT INTO reports (country, year, status, current_version, accepted_version, first_submitted_at, submitted_at)
                SELECT c, y, 'accepted', 2, 1 + (random() < 0.3)::int, now(), now()
                FROM unnest(ARRAY['\(Self.countries.joined(separator: "','"))']) c, generate_series(2012, 2020) y
                WHERE random() < 0.85 ORDER BY c, y;
                INSERT INTO report_versions (report_id, version) SELECT id, n FROM reports, generate_series(1, 2) n;
                INSERT INTO report_values (report_id, version, indicator, measure_kind, value, not_available)
                SELECT id, version, code, measure_kind, CASE WHEN gap THEN NULL ELSE amount END, CASE WHEN gap THEN 'not collected' END
                FROM (
                    SELECT r.id, v.version, i.code, i.measure_kind, random() < 0.1 AS gap,
                           round(trunc(random() * 1000)::numeric, (random() * 2)::int) AS amount
                    FROM reports r JOIN report_versions v ON v.report_id = r.id JOIN indicators i ON i.measure_kind = 'flow'
                    ORDER BY r.id, v.version, i.code
                ) generated;
                COMMIT;
                """
            )
            try await Self.expectSameLevels(r)
            // amendments accepted in earlier years, one at a time, as review decisions are
            let amended = try sql(r.url, "SELECT id FROM reports WHERE year < 2018 ORDER BY id").compactMap { $0[0] }.enumerated()
            for (index, id) in amended where index % 3 == 0 {
                try sql(r.url, "UPDATE reports SET accepted_version = 3 - accepted_version WHERE id = $1::bigint", [id])
            }
            // a gap filled: a country's missing year arrives, accepted
            let missing = try sql(
                r.url,
                """
                SELECT c, y FROM unnest(ARRAY['\(Self.countries.joined(separator: "','"))']) c, generate_series(2013, 2019) y
                WHERE NOT EXISTS (SELECT 1 FROM reports WHERE country = c AND year = y) ORDER BY 1, 2 LIMIT 1
                """
            )
            let gap = try #require(missing.first)
            try SummaryFixtures.report(r.url, gap[0]!, Int(gap[1]!)!, versions: [[SummaryTests.victims: "7"]])
            try await Self.expectSameLevels(r)
        }
    }
}
