import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// The multi-year view and the change in points, against figures worked out by hand.
@Suite struct MultiYearViewTests {
    static let victims = SummaryTests.victims
    static let schools = "schools_online_safety_pct"
    static let unit = "dedicated_le_unit"

    /// An empty 2012 cycle (as the conformance run leaves), then:
    ///
    ///              2013                    2015            2016
    ///   FR  victims 100, unit yes          schools 64.9    victims 150, schools 67.5, unit yes
    ///   DE  victims 200, unit no                           victims 250, schools 71, unit yes
    ///   IT  victims  50                                    —
    ///   NL  —                                              victims 999
    static func history(_ url: DatabaseURL) throws {
        for year in [2012, 2013, 2014, 2015, 2016] { try SummaryFixtures.cycle(url, year) }
        let r = { (country: String, year: Int, values: SummaryFixtures.Values) in
            try SummaryFixtures.report(url, country, year, versions: [values])
        }
        try r("FR", 2013, [victims: "100", unit: "1"])
        try r("DE", 2013, [victims: "200", unit: "0"])
        try r("IT", 2013, [victims: "50"])
        try r("FR", 2015, [schools: "64.9"])
        try r("FR", 2016, [victims: "150", schools: "67.5", unit: "1"])
        try r("DE", 2016, [victims: "250", schools: "71", unit: "1"])
        try r("NL", 2016, [victims: "999"])
    }

    static func since(_ summary: [String: Any], _ code: String) throws -> [String: Any] {
        try #require(try SummaryTests.indicator(summary, code)["since_baseline"] as? [String: Any])
    }

    @Test func og11CompoundsSince2013AndAnEmpty2012CycleChangesNothing() async throws {
        try await withReporting { r in
            try Self.history(r.url)
            let summary = try await SummaryTests.live(r, 2016)
            let victims = try Self.since(summary, Self.victims)
            // OG1.1's baseline_year is 2013, not the empty 2012 cycle
            #expect(victims["baseline_year"] as? Int == 2013)
            // like for like FR + DE: 300 → 400 over 3 years: (400/300)^(1/3) − 1 = 10.0642 %
            #expect(victims["panel"] as? [String] == ["DE", "FR"])
            #expect(victims["countries"] as? Int == 2)
            #expect(SummaryTests.number(victims["baseline"]) == 300)
            #expect(SummaryTests.number(victims["current"]) == 400)
            #expect(SummaryTests.close(victims["cagr_pct"], "10.064241630", digits: 6))
            #expect(victims["change_pp"] is NSNull)
            #expect(victims["reason"] is NSNull)
            // without a target: from the first year with accepted data (2015), not from 2012
            let schools = try Self.since(summary, Self.schools)
            #expect(schools["baseline_year"] as? Int == 2015)
            #expect(schools["panel"] as? [String] == ["FR"])
        }
    }

    @Test func proportionsChangeInPoints() async throws {
        try await withReporting { r in
            try Self.history(r.url)
            let summary = try await SummaryTests.live(r, 2016)
            let growth = try #require(try SummaryTests.indicator(summary, Self.schools)["growth"] as? [String: Any])
            let lfl = try #require(growth["like_for_like"] as? [String: Any])
            // FR 64.9 → 67.5 is +2.6 points, not +4.0 %
            #expect(SummaryTests.number(lfl["change_pp"]) == Decimal(string: "2.6"))
            #expect(lfl["pct"] is NSNull)
            // all reporters: 64.9 → (67.5 + 71) / 2 = 69.25: +4.35 points
            let all = try #require(growth["all_reporters"] as? [String: Any])
            #expect(SummaryTests.number(all["change_pp"]) == Decimal(string: "4.35"))
            #expect(SummaryTests.number(try Self.since(summary, Self.schools)["change_pp"]) == Decimal(string: "2.6"))
            #expect(try Self.since(summary, Self.schools)["cagr_pct"] is NSNull)
            // a boolean since 2013: FR DE, yes 1 of 2 (50 %) → 2 of 2 (100 %): +50 points
            let unit = try Self.since(summary, Self.unit)
            #expect(unit["baseline_year"] as? Int == 2013)
            #expect(SummaryTests.number(unit["change_pp"]) == 50)

            let csv = try await r.send(.get, "/v1/summaries/2016?format=csv", token: r.secretariat)
            #expect(csv.status == .ok)
            #expect(csv.text.contains("2016,,false,indicator,schools_online_safety_pct,change_like_for_like_pp,2.6,1,false"))
            #expect(csv.text.contains("2016,,false,indicator,schools_online_safety_pct,change_since_baseline_pp,2.6,1,false"))
            #expect(csv.text.contains("2016,,false,indicator,dedicated_le_unit,change_since_baseline_pp,50.0,2,false"))
            #expect(!csv.text.contains("schools_online_safety_pct,growth_"))
            #expect(!csv.text.contains("dedicated_le_unit,cagr_"))
            #expect(csv.text.contains("2016,,false,indicator,icse_victims_identified,cagr_since_baseline_pct,10.1,2,false"))
        }
    }

    @Test func nullWithAReasonOnlyWhenTheBaselineYearHasNoData() async throws {
        try await withReporting { r in
            try Self.history(r.url)
            // no accepted value ever: no baseline year
            let convicted = try Self.since(try await SummaryTests.live(r, 2016), "offenders_convicted")
            #expect(convicted["baseline_year"] is NSNull)
            #expect(convicted["reason"] as? String == "no_baseline_data")
            #expect(convicted["cagr_pct"] is NSNull)
            // the baseline year itself has nothing to compare with
            let first = try Self.since(try await SummaryTests.live(r, 2013), Self.victims)
            #expect(first["reason"] as? String == "not_after_baseline")
            // a target baseline year without data: null, and says why
            try sql(r.url, "UPDATE targets SET baseline_year = 2014 WHERE id = 'OG1.1'")
            let victims = try Self.since(try await SummaryTests.live(r, 2016), Self.victims)
            #expect(victims["baseline_year"] as? Int == 2014)
            #expect(victims["cagr_pct"] is NSNull)
            #expect(victims["countries"] as? Int == 0)
            #expect(victims["reason"] as? String == "no_baseline_data")
        }
    }
}
