import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// `GET /v1/public/releases`: every release known, and what each public one revised.
@Suite struct ReleaseListTests {
    static let list = "/v1/public/releases"

    static func releases(_ r: Reporting, _ path: String = list) async throws -> [[String: Any]] {
        let response = try await r.send(.get, path, token: nil)
        #expect(response.status == .ok, "\(response.text)")
        #expect(response.headers[.contentType] == "application/json")
        return try #require(try response.json()["releases"] as? [[String: Any]])
    }

    /// 2024's release 1 written again as release 2 with the victims' total 460 made
    /// 500 in its frozen document, by SQL (the owner's): a revision known by hand.
    static func reviseVictimsTotal(_ r: Reporting) async throws {
        try EarlierReleaseFixtures.copyReleaseOne(r.url, note: "Corrected total", later: "2 hours")
        try sql(r.url, "ALTER TABLE published_summaries DISABLE TRIGGER USER")
        try sql(
            r.url,
            """
            UPDATE published_summaries SET document = regexp_replace(document,
              '("code":"icse_victims_identified".*?"total":)460', '\\1500')
            WHERE year = 2024 AND release = 2
            """
        )
        try sql(r.url, "ALTER TABLE published_summaries ENABLE TRIGGER USER")
        try await EarlierReleaseFixtures.announce(r, year: 2024, release: 2)
    }

    @Test func aYearWithTwoReleasesSaysWhatTheSecondRevised() async throws {
        try await withReporting { r in
            try SummaryTests.history(r.url)
            #expect(try await Self.releases(r).isEmpty)
            _ = try await PublicStatisticsTests.publish(r, 2024, ["note": "First release"])
            try await Self.reviseVictimsTotal(r)
            let releases = try await Self.releases(r)
            #expect(releases.map { "\($0["year"] ?? "").\($0["release"] ?? "")" } == ["2024.1", "2024.2"])
            let first = releases[0]
            #expect(first["status"] as? String == "public")
            #expect(first["note"] as? String == "First release")
            #expect(first["revises"] is NSNull)
            #expect((first["revised"] as? [Any])?.isEmpty == true)
            #expect(first["embargo_until"] is NSNull)
            #expect(first["demo"] as? Bool == false)
            #expect(first["published_at"] as? String == "2025-02-15T12:00:00Z")
            #expect(first["public_from"] as? String == "2025-02-15T12:00:00Z")
            #expect((first["links"] as? [String: String])?["summary"] == "/v1/public/summaries/2024/releases/1")
            // only the total was changed (460 → 500): nothing else of the document differs
            let second = releases[1]
            #expect(second["note"] as? String == "Corrected total")
            #expect(second["published_at"] as? String == "2025-02-15T14:00:00Z")
            #expect(second["revises"] as? Int == 1)
            let revised = try #require(second["revised"] as? [[String: Any]])
            #expect(revised.count == 1)
            #expect(revised.first?["indicator"] as? String == SummaryTests.victims)
            let figures = try #require(revised.first?["figures"] as? [[String: Any]])
            #expect(figures.count == 1)
            #expect(figures.first?["statistic"] as? String == "TOTAL")
            #expect(figures.first?["withheld"] as? Bool == false)
            #expect(SummaryTests.number(figures.first?["previous"]) == 460)
            #expect(SummaryTests.number(figures.first?["current"]) == 500)

            let csv = try await r.send(.get, Self.list + "?format=csv", token: nil)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(
                csv.text == """
                    year,status,public_from,release,published_at,embargo_until,note,demo,summary,revises,revised_indicators\r
                    2024,public,2025-02-15T12:00:00Z,1,2025-02-15T12:00:00Z,,First release,false,/v1/public/summaries/2024/releases/1,,\r
                    2024,public,2025-02-15T14:00:00Z,2,2025-02-15T14:00:00Z,,Corrected total,false,/v1/public/summaries/2024/releases/2,1,icse_victims_identified\r

                    """
            )
            try await r.send(.get, Self.list + "?format=xml", token: nil).expectProblem(.badRequest, code: "invalid_parameter")
        }
    }

    /// Italy's amendment (80 → 999) makes release 2's victims total withheld
    /// (differencing): it is listed as revised, with no value from either release; every
    /// other figure listed carries the values both summaries show.
    @Test func aFigureWithheldInEitherReleaseIsListedWithoutAValue() async throws {
        try await withReporting { r in
            try SummaryTests.history(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2024)
            try sql(r.url, "UPDATE reports SET accepted_version = 2, status = 'accepted' WHERE country = 'IT' AND year = 2024")
            _ = try await PublicStatisticsTests.publish(r, 2024)
            let body = try await r.send(.get, Self.list, token: nil).text
            #expect(!body.contains("1379"), "the live total is no public figure")
            let second = try await Self.releases(r)[1]
            let revised = try #require(second["revised"] as? [[String: Any]])
            let victims = try #require(revised.first { $0["indicator"] as? String == SummaryTests.victims })
            let figures = try #require(victims["figures"] as? [[String: Any]])
            let total = try #require(figures.first { $0["statistic"] as? String == "TOTAL" })
            #expect(Set(total.keys) == ["statistic", "withheld"])
            #expect(total["withheld"] as? Bool == true)
            // each figure shown is the one the two summaries show
            let one = try await r.send(.get, "/v1/public/summaries/2024/releases/1", token: nil).json()
            let two = try await r.send(.get, "/v1/public/summaries/2024/releases/2", token: nil).json()
            for indicator in revised {
                let code = try #require(indicator["indicator"] as? String)
                for figure in try #require(indicator["figures"] as? [[String: Any]]) where figure["withheld"] as? Bool == false {
                    let statistic = try #require(figure["statistic"] as? String)
                    #expect(Self.number(figure["previous"]) == (try Self.figure(one, code, statistic)), "\(code) \(statistic)")
                    #expect(Self.number(figure["current"]) == (try Self.figure(two, code, statistic)), "\(code) \(statistic)")
                }
            }
        }
    }

    static func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

    /// A statistic's figure in a published summary, as SDMX names it.
    static func figure(_ summary: [String: Any], _ code: String, _ name: String) throws -> Double? {
        let indicator = try SummaryTests.indicator(summary, code)
        let growth = indicator["growth"] as? [String: Any]
        let lfl = growth?["like_for_like"] as? [String: Any]
        let all = growth?["all_reporters"] as? [String: Any]
        return switch try #require(SDMXStatistic(rawValue: name)) {
        case .total: number(indicator["total"])
        case .mean: number(indicator["mean"])
        case .median: number(indicator["median"])
        case .share: number(indicator["share_pct"])
        case .growthLikeForLike: number(lfl?["pct"])
        case .growthAllReporters: number(all?["pct"])
        case .changePoints: number(lfl?["change_pp"])
        }
    }
}
