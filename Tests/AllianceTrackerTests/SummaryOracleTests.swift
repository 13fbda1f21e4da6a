import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// Whatever path computes the live summary, its figures agree with a plain SQL oracle
/// (`SummaryOracle`) over random histories (`RandomHistory`) drawn from fixed seeds.
/// A failure names its seed: `RandomHistory(seed:)` draws the same history again.
/// Serialized: each history runs an application with its own pool, and two dozen at once
/// took the test cluster past `max_connections` (other suites got 503s).
@Suite(.serialized) struct SummaryOracleTests {
    static let firstSeed: UInt64 = 0x14_0AC1E
    static let histories = 20

    @Test(arguments: 0..<histories)
    func theLiveSummaryAgreesWithThePlainSQLOracle(history index: Int) async throws {
        let seed = Self.firstSeed &+ UInt64(index)
        try await withReporting { r in
            let history = RandomHistory(seed: seed, try RandomHistory.Catalogue(r.url))
            try history.load(r.url)
            var mismatches: [String] = []
            for year in history.cycleYears {
                let summary = try await SummaryTests.live(r, year)
                let completeness = try #require(summary["completeness"] as? [String: Any])
                for (key, count) in try SummaryOracle.completeness(r.url, year: year) where completeness[key] as? Int != count {
                    mismatches.append("\(year) completeness.\(key): api \(completeness[key] ?? "absent"), oracle \(count)")
                }
                let oracle = try SummaryOracle.indicators(r.url, year: year)
                let indicators = try #require(summary["indicators"] as? [[String: Any]])
                #expect(Set(indicators.compactMap { $0["code"] as? String }) == Set(oracle.keys))
                for indicator in indicators {
                    let code = try #require(indicator["code"] as? String)
                    mismatches += Self.differences(indicator, try #require(oracle[code])).map { "\(year) \(code) \($0)" }
                }
            }
            let replay = "seed \(String(seed, radix: 16)) (history \(index)), years \(history.cycleYears)"
            #expect(mismatches.isEmpty, "\(replay), \(mismatches.count) figures differ:\n\(mismatches.prefix(12).joined(separator: "\n"))")
            #expect(!history.filings.isEmpty, "\(replay) has no reports")
        }
    }

    /// The figures kept per year (sql/0022) follow each change made after the reports:
    /// an alliance target's baseline year moved, a new cycle, the earliest accepted
    /// report amended (a later year's baseline and part of its level), the targets truncated.
    @Test func theLiveSummaryFollowsChangesMadeAfterTheReports() async throws {
        try await withReporting { r in
            let history = RandomHistory(seed: Self.firstSeed &+ 7, try RandomHistory.Catalogue(r.url))
            try history.load(r.url)
            let first = try #require(history.cycleYears.first)
            let last = try #require(history.cycleYears.last)
            try sql(r.url, "UPDATE targets SET baseline_year = $1::smallint WHERE id = 'OG1.1'", [String(first + 1)])
            try await Self.expectAgreement(r, Array(history.cycleYears), "after OG1.1's baseline year moved")
            try SummaryFixtures.cycle(r.url, last + 1)
            let early = try #require(history.filings.filter { $0.accepted != nil }.min { $0.year < $1.year })
            try SummaryFixtures.report(r.url, early.country, last + 1, versions: [[SummaryTests.victims: "5"]])
            try await Self.expectAgreement(r, Array(history.cycleYears) + [last + 1], "after a new cycle")
            try sql(
                r.url,
                """
                WITH v AS (
                    INSERT INTO report_versions (report_id, version)
                    SELECT id, current_version + 1 FROM reports WHERE country = $1 AND year = $2::smallint RETURNING report_id, version
                ), added_values AS (
                    INSERT INTO report_values (report_id, version, indicator, measure_kind, value)
                    SELECT v.report_id, v.version, i.code, i.measure_kind, 999 FROM v, indicators i WHERE i.measure_kind = 'flow'
                )
                UPDATE reports r SET current_version = v.version, accepted_version = v.version, status = 'accepted'
                FROM v WHERE r.id = v.report_id
                """,
                [early.country, String(early.year)]
            )
            try await Self.expectAgreement(r, Array(history.cycleYears) + [last + 1], "after an amendment of \(early.year)")
            // the owner's TRUNCATE fires no row trigger: every baseline year falls back to the first year with data
            try sql(r.url, "TRUNCATE targets CASCADE")
            try await Self.expectAgreement(r, Array(history.cycleYears) + [last + 1], "after the targets were truncated")
        }
    }

    static func expectAgreement(_ r: Reporting, _ years: [Int], _ when: Comment) async throws {
        var mismatches: [String] = []
        for year in years {
            let summary = try await SummaryTests.live(r, year)
            let oracle = try SummaryOracle.indicators(r.url, year: year)
            for indicator in try #require(summary["indicators"] as? [[String: Any]]) {
                let code = try #require(indicator["code"] as? String)
                mismatches += differences(indicator, try #require(oracle[code])).map { "\(year) \(code) \($0)" }
            }
        }
        #expect(mismatches.isEmpty, "\(when): \(mismatches.count) figures differ:\n\(mismatches.prefix(12).joined(separator: "\n"))")
    }

    /// The seeds draw every trap of the summary tests, so that the oracle is asked about each.
    @Test func theSeedsDrawEveryTrap() async throws {
        let catalogue = try await TestDatabase.withFreshDatabase { try RandomHistory.Catalogue($0) }
        let all = (0..<Self.histories).map { RandomHistory(seed: Self.firstSeed &+ UInt64($0), catalogue) }
        let filings = all.flatMap(\.filings)
        let values = filings.flatMap { $0.versions.flatMap(\.values) }
        let traps: [(String, Int)] = [
            ("missing report", all.map { $0.years.count * Set($0.filings.map(\.country)).count - $0.filings.count }.reduce(0, +)),
            ("returned, never accepted", filings.filter { $0.status == "returned" && $0.accepted == nil }.count),
            ("submitted, not accepted", filings.filter { $0.status == "submitted" && $0.accepted == nil }.count),
            ("draft, never submitted", filings.filter { $0.submitted == nil }.count),
            ("amendment accepted", filings.filter { $0.accepted == $0.versions.count && $0.versions.count > 1 }.count),
            ("amendment pending", filings.filter { ($0.accepted ?? .max) < $0.versions.count }.count),
            ("not available", values.filter { $0 == nil }.count),
            ("zero", values.filter { $0 == "0" }.count),
            ("joining", all.map(\.joining.count).reduce(0, +)),
            ("leaving", all.map(\.leaving.count).reduce(0, +)),
            ("OG1.1 baseline moved", all.filter { $0.og11Baseline != nil }.count),
            ("empty cycle before", all.filter(\.emptyCycleBefore).count),
        ]
        for (trap, count) in traps { #expect(count > 0, "no \(trap) in \(Self.histories) histories") }
    }

    /// Each figure the oracle gives against the summary's, by its path ("growth.like_for_like.pct").
    static func differences(_ indicator: [String: Any], _ oracle: [String: Any]) -> [String] {
        let hasLevel = oracle["level"] as? Bool == true
        var found: [String] = []
        if (indicator["level"] != nil) != hasLevel { found.append("level: present \(indicator["level"] != nil), oracle \(hasLevel)") }
        for (path, expected) in oracle.sorted(by: { $0.key < $1.key }) where path != "level" {
            if path.hasPrefix("level.") && !hasLevel { continue }
            var value: Any? = indicator
            for key in path.split(separator: ".") { value = (value as? [String: Any])?[String(key)] }
            if !agree(value, expected) { found.append("\(path): api \(value.map { "\($0)" } ?? "absent"), oracle \(expected)") }
        }
        return found
    }

    /// Null and absent agree; numbers to 1e-9 of their size (the JSON is read through
    /// `Double`); a panel as its codes joined by commas.
    static func agree(_ value: Any?, _ expected: Any) -> Bool {
        let value = value is NSNull ? nil : value
        if expected is NSNull { return value == nil }
        if let panel = value as? [String] { return panel.joined(separator: ",") == expected as? String }
        if let text = expected as? String { return value as? String == text }
        guard let a = SummaryTests.number(value), let b = SummaryTests.number(expected) else { return false }
        let scale = max(1, abs(b))
        return abs(a - b) <= scale * Decimal(sign: .plus, exponent: -9, significand: 1)
    }
}

/// Found by the oracle: a year before a target's baseline year read `no_baseline_data`
/// (its baseline year had no data up to it), where docs/statistics.md says
/// `not_after_baseline` for the baseline year itself or an earlier one.
@Suite struct BaselineReasonTests {
    @Test func aYearBeforeTheTargetsBaselineYearIsNotAfterIt() async throws {
        try await withReporting { r in
            try MultiYearViewTests.history(r.url)
            // OG1.1's baseline year is 2013, which has data; 2012 is before it
            let early = try MultiYearViewTests.since(try await SummaryTests.live(r, 2012), SummaryTests.victims)
            #expect(early["baseline_year"] as? Int == 2013)
            #expect(early["reason"] as? String == "not_after_baseline")
            #expect(early["cagr_pct"] is NSNull && early["countries"] as? Int == 0)
            // moved to 2016: 2014 and 2015 (no OG1.1 data) and 2016 itself are not after it
            try sql(r.url, "UPDATE targets SET baseline_year = 2016 WHERE id = 'OG1.1'")
            for year in 2014...2016 {
                let figure = try MultiYearViewTests.since(try await SummaryTests.live(r, year), SummaryTests.victims)
                #expect(figure["reason"] as? String == "not_after_baseline", "\(year)")
            }
            // a later baseline year without data still says so
            try sql(r.url, "UPDATE targets SET baseline_year = 2014 WHERE id = 'OG1.1'")
            let later = try MultiYearViewTests.since(try await SummaryTests.live(r, 2016), SummaryTests.victims)
            #expect(later["reason"] as? String == "no_baseline_data")
        }
    }
}
