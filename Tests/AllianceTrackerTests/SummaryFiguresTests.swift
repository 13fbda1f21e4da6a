import Foundation
import Testing

@testable import AllianceTracker

/// The figures kept by sql/0022 (`summary_values`, `summary_year_figures`,
/// `summary_pair_figures`) against a plain recomputation from the accepted versions:
/// over a random history, after every kind of change, and when two transactions
/// accept reports of one year at once. (`SummaryOracleTests` checks the summary built
/// from them against an oracle of its own.)
@Suite struct SummaryFiguresTests {
    static let countries = ["BE", "DE", "ES", "FR", "IT", "NL", "PL"]

    /// For each kept table, how many rows differ from the plain recomputation (either way).
    static let drift = """
        WITH accepted AS (
            SELECT r.year, v.indicator, r.country, v.value
            FROM reports r JOIN report_values v ON v.report_id = r.id AND v.version = r.accepted_version
        ),
        years AS (
            SELECT year, indicator, count(value)::int, count(*) FILTER (WHERE value IS NULL)::int,
                   count(value) FILTER (WHERE EXISTS (SELECT 1 FROM cycle_expected_reporters e
                                                     WHERE e.year = accepted.year AND e.country = accepted.country))::int,
                   sum(value), avg(value),
                   median_of(array_agg(value ORDER BY value) FILTER (WHERE value IS NOT NULL)), min(value), max(value),
                   count(*) FILTER (WHERE value = 1) * 100.0 / nullif(count(value), 0)
            FROM accepted GROUP BY year, indicator
        ),
        pairs AS (
            SELECT c.year, c.indicator, count(*)::int, sum(c.value), sum(p.value), avg(c.value), avg(p.value),
                   median_of(array_agg(c.value ORDER BY c.value)), median_of(array_agg(p.value ORDER BY p.value)),
                   count(*) FILTER (WHERE c.value = 1) * 100.0 / count(*), count(*) FILTER (WHERE p.value = 1) * 100.0 / count(*)
            FROM accepted c JOIN accepted p ON p.year = c.year - 1 AND p.indicator = c.indicator AND p.country = c.country
            WHERE c.value IS NOT NULL AND p.value IS NOT NULL
            GROUP BY c.year, c.indicator
        )
        SELECT (SELECT count(*) FROM ((TABLE accepted EXCEPT TABLE summary_values) UNION ALL (TABLE summary_values EXCEPT TABLE accepted)) d),
               (SELECT count(*) FROM ((TABLE years EXCEPT TABLE summary_year_figures) UNION ALL (TABLE summary_year_figures EXCEPT TABLE years)) d),
               (SELECT count(*) FROM ((TABLE pairs EXCEPT TABLE summary_pair_figures) UNION ALL (TABLE summary_pair_figures EXCEPT TABLE pairs)) d),
               (SELECT count(*) FROM summary_values), (SELECT count(*) FROM summary_pair_figures)
        """

    /// Expects no drift, and that there was something to compare (`rows`: at least this many values).
    static func expectNoDrift(_ url: DatabaseURL, _ when: Comment, rows: Int = 1) throws {
        let counts = try sql(url, drift)[0].map { Int($0 ?? "") ?? -1 }
        #expect(Array(counts[0..<3]) == [0, 0, 0], "values, year figures, pair figures differing \(when)")
        #expect(counts[3] >= rows, "\(counts[3]) values kept \(when)")
    }

    @Test func theFiguresAreARecomputationAfterEveryKindOfChange() async throws {
        try await TestDatabase.withFreshDatabase { url in
            for year in 2018...2022 { try SummaryFixtures.cycle(url, year) }
            // every indicator, two versions a report, gaps, not-available values, zeros and booleans
            try sql(
                url,
                """
                BEGIN;
                SELECT setseed(0.22);
                INSERT INTO reports (country, year, status, current_version, accepted_version, first_submitted_at, submitted_at)
                SELECT c, y, CASE WHEN accepted IS NULL THEN 'submitted' ELSE 'accepted' END, 2, accepted, now(), now()
                FROM unnest(ARRAY['\(Self.countries.joined(separator: "','"))']) c, generate_series(2018, 2022) y,
                     LATERAL (SELECT CASE WHEN random() < 0.2 THEN NULL ELSE 1 + (random() < 0.3)::int END AS accepted) a
                WHERE random() < 0.85 ORDER BY c, y;
                INSERT INTO report_versions (report_id, version) SELECT id, n FROM reports, generate_series(1, 2) n;
                INSERT INTO report_values (report_id, version, indicator, measure_kind, value, not_available)
                SELECT id, version, code, measure_kind, CASE WHEN gap THEN NULL ELSE amount END, CASE WHEN gap THEN 'not collected' END
                FROM (
                    SELECT r.id, v.version, i.code, i.measure_kind, random() < 0.1 AS gap,
                           CASE i.measure_kind WHEN 'boolean' THEN (random() < 0.5)::int
                                               WHEN 'ratio' THEN round((random() * 100)::numeric, 1)
                                               ELSE trunc(random() * 4) * trunc(random() * 300) END AS amount
                    FROM reports r JOIN report_versions v ON v.report_id = r.id JOIN indicators i ON true
                    ORDER BY r.id, v.version, i.code
                ) generated;
                COMMIT;
                """
            )
            try Self.expectNoDrift(url, "after the history arrived", rows: 300)
            // amendments accepted and first acceptances, one at a time as review decisions are
            let reports = try sql(url, "SELECT id FROM reports ORDER BY id").compactMap { $0[0] }
            for (index, id) in reports.enumerated() where index % 4 == 0 {
                try sql(
                    url,
                    "UPDATE reports SET status = 'accepted', accepted_version = CASE accepted_version WHEN 2 THEN 1 ELSE 2 END WHERE id = $1::bigint",
                    [id]
                )
            }
            try Self.expectNoDrift(url, "after amendments")
            // expected reporters changed (a membership ended, another began): the coverage
            try sql(url, "DELETE FROM cycle_expected_reporters WHERE year IN (2019, 2021) AND country IN ('FR', 'NL')")
            try Self.expectNoDrift(url, "after expected reporters were removed")
            try sql(url, "INSERT INTO cycle_expected_reporters (year, country) VALUES (2021, 'FR')")
            try Self.expectNoDrift(url, "after an expected reporter was added")
            // a report that counts from its insert, its values arriving after it (an import)
            let missing = try sql(
                url,
                """
                SELECT c, y FROM unnest(ARRAY['\(Self.countries.joined(separator: "','"))']) c, generate_series(2018, 2022) y
                WHERE NOT EXISTS (SELECT 1 FROM reports WHERE country = c AND year = y) ORDER BY 1, 2 LIMIT 1
                """
            )
            let gap = try #require(missing.first)
            try SummaryFixtures.report(url, gap[0]!, Int(gap[1]!)!, versions: [[SummaryTests.victims: "0"]])
            try Self.expectNoDrift(url, "after a gap was filled")
            // the owner's TRUNCATE: nothing left, nothing kept
            try sql(url, "TRUNCATE reports CASCADE")
            try Self.expectNoDrift(url, "after TRUNCATE", rows: 0)
            #expect(try sql(url, "SELECT count(*) FROM summary_year_figures")[0][0] == "0")
        }
    }

    /// Two reports of one year, each accepted in its own transaction: the one that
    /// commits second computes the year again with the first's values, whichever
    /// transaction began first.
    @Test func twoAcceptancesOfOneYearBothCount() async throws {
        try await TestDatabase.withFreshDatabase { url in
            try Self.twoDrafts(url)
            let first = try Self.connection(url)
            let second = try Self.connection(url)
            try first.execute("BEGIN")
            try second.execute("BEGIN")
            try first.execute("UPDATE reports SET accepted_version = 2 WHERE country = 'FR'")
            try second.execute("UPDATE reports SET accepted_version = 2 WHERE country = 'DE'")
            try first.execute("COMMIT")
            try second.execute("COMMIT")
            try Self.expectNoDrift(url, "after both commits", rows: 2)
            #expect(try sql(url, "SELECT total FROM summary_year_figures WHERE year = 2024 AND indicator = $1", [SummaryTests.victims]) == [["31"]])
        }
    }

    /// The same when the first has computed its figures and not yet committed: the
    /// second waits for it (the data version's row), then computes with its values.
    @Test func aSecondAcceptanceWaitsForTheFirstsFigures() async throws {
        try await TestDatabase.withFreshDatabase { url in
            try Self.twoDrafts(url)
            let first = try Self.connection(url)
            try first.execute("BEGIN")
            try first.execute("UPDATE reports SET accepted_version = 2 WHERE country = 'FR'")
            try first.execute("SET CONSTRAINTS summary_figures_due IMMEDIATE")
            let second = Task.detached {
                let connection = try Self.connection(url)
                try connection.execute("BEGIN")
                try connection.execute("UPDATE reports SET accepted_version = 2 WHERE country = 'DE'")
                try connection.execute("COMMIT")
            }
            // the second's COMMIT is waiting on the version's row
            var waiting = false
            for _ in 0..<100 where !waiting {
                try await Task.sleep(for: .milliseconds(50))
                waiting = try sql(url, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query = 'COMMIT'")[0][0] == "1"
            }
            #expect(waiting)
            try first.execute("COMMIT")
            try await second.value
            try Self.expectNoDrift(url, "after both commits", rows: 2)
            #expect(try sql(url, "SELECT total FROM summary_year_figures WHERE year = 2024 AND indicator = $1", [SummaryTests.victims]) == [["31"]])
        }
    }

    /// A connection whose statements give up on a lock after 5 s: a design that makes the
    /// second transaction wait on the first before its COMMIT fails the test, not hangs it.
    static func connection(_ url: DatabaseURL) throws -> LibPQConnection {
        let connection = try LibPQConnection(url: url)
        try connection.execute("SET lock_timeout = '5s'")
        return connection
    }

    /// France's and Germany's 2024 reports, each with a second version not yet accepted
    /// (victims 10 and 21) and a first accepted one.
    static func twoDrafts(_ url: DatabaseURL) throws {
        try SummaryFixtures.cycle(url, 2024)
        try SummaryFixtures.report(url, "FR", 2024, versions: [[SummaryTests.victims: "1"], [SummaryTests.victims: "10"]], accepted: 1)
        try SummaryFixtures.report(url, "DE", 2024, versions: [[SummaryTests.victims: "2"], [SummaryTests.victims: "21"]], accepted: 1)
        #expect(try sql(url, "SELECT total FROM summary_year_figures WHERE year = 2024 AND indicator = $1", [SummaryTests.victims]) == [["3"]])
    }
}
