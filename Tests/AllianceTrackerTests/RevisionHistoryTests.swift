import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// `GET /v1/public/indicators/{code}/revisions` over `SDMXTests.twoReleases`: 2024's
/// release 1 (victims 460 from 6 countries) and release 2, whose victims total is
/// withheld (differencing); then a third release, after Belgium and Austria count.
@Suite struct RevisionHistoryTests {
    static let path = "/v1/public/indicators/\(SummaryTests.victims)/revisions"

    static func years(_ r: Reporting, _ code: String = SummaryTests.victims) async throws -> [[String: Any]] {
        let response = try await r.send(.get, "/v1/public/indicators/\(code)/revisions", token: nil)
        #expect(response.status == .ok, "\(response.text)")
        return try #require(try response.json()["years"] as? [[String: Any]])
    }

    /// Each figure of a year's history is the headline of that release's own document, withheld alike.
    static func expectFiguresMatchTheReleases(_ r: Reporting, _ year: [String: Any], code: String) async throws {
        let figures = try #require(year["releases"] as? [[String: Any]])
        for figure in figures {
            let n = try #require(figure["release"] as? Int)
            let release = try await r.send(.get, "/v1/public/summaries/\(year["year"] ?? 0)/releases/\(n)", token: nil).json()
            let indicator = try SummaryTests.indicator(release, code)
            let withheld = (indicator["withheld"] as? [String: String])?["headline"]
            #expect(SummaryTests.number(figure["value"]) == SummaryTests.number(indicator["headline"]), "release \(n)")
            #expect(figure["withheld"] as? Bool == (withheld != nil), "release \(n)")
            #expect(figure["withheld_reason"] as? String == withheld, "release \(n)")
            #expect(figure["published_at"] as? String == release["published_at"] as? String, "release \(n)")
        }
    }

    /// The "Revisions" section of the indicator's page.
    static func revisionSection(_ r: Reporting) async throws -> String {
        let html = try await r.send(.get, "/indicators/\(SummaryTests.victims)", token: nil).text
        let start = try #require(html.range(of: #"<section aria-labelledby="revisions">"#))
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func aWithheldFigureIsNullAndGivesNoRevision() async throws {
        try await withReporting { r in
            try await SDMXTests.twoReleases(r)
            let years = try await Self.years(r)
            #expect(years.compactMap { $0["year"] as? Int } == [2024])
            let year = try #require(years.first)
            let figures = try #require(year["releases"] as? [[String: Any]])
            #expect(figures.compactMap { $0["release"] as? Int } == [1, 2])
            #expect(SummaryTests.number(figures[0]["value"]) == 460)
            #expect(figures[1]["value"] is NSNull)
            #expect(figures[1]["withheld_reason"] as? String == "differencing")
            try await Self.expectFiguresMatchTheReleases(r, year, code: SummaryTests.victims)
            let revision = try #require(year["revision"] as? [String: Any])
            // 1379 − 460 would give Italy's correction: no revision, and why
            #expect(revision["change"] is NSNull)
            #expect(revision["change_pct"] is NSNull)
            #expect(revision["change_pp"] == nil)
            #expect(revision["missing"] as? String == "latest_withheld")
            #expect(SummaryTests.number((year["first"] as? [String: Any])?["value"]) == 460)
            #expect((year["latest"] as? [String: Any])?["release"] as? Int == 2)
            // the indicator's page shows the same history, and no number for the withheld figure
            let page = try await Self.revisionSection(r)
            #expect(page.contains("release 1 (2025-02-15): 460</li>"))
            #expect(page.contains(#"data-withheld="true">release 2 (2025-04-01): withheld: would reveal a country"#))
            #expect(page.contains(">not given: the latest figure is withheld</td>"))
            #expect(!page.contains("1,379") && !page.contains("919"))

            // a proportion, public in both: Italy's amendment left it at (50 + 70 + 90) / 3 = 70, in points
            let ratio = try #require(try await Self.years(r, "schools_online_safety_pct").first)
            try await Self.expectFiguresMatchTheReleases(r, ratio, code: "schools_online_safety_pct")
            let points = try #require(ratio["revision"] as? [String: Any])
            #expect(SummaryTests.number(points["change_pp"]) == 0)
            #expect(points["change"] == nil && points["change_pct"] == nil)
            #expect(points["missing"] is NSNull)

            let csv = try await r.send(.get, Self.path + "?format=csv", token: nil)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(
                csv.text.split(separator: "\r\n") == [
                    "indicator,year,release,published_at,value,withheld,withheld_reason,first,latest,revision,revision_pct,revision_pp,revision_missing,demo",
                    "icse_victims_identified,2024,1,2025-02-15T12:00:00Z,460,false,,true,false,,,,,false",
                    "icse_victims_identified,2024,2,2025-04-01T12:00:00Z,,true,differencing,false,true,,,,latest_withheld,false",
                ]
            )
        }
    }

    @Test func aRevisionBetweenTwoPublicFiguresIsComputed() async throws {
        try await withReporting { r in
            try await SDMXTests.twoReleases(r)
            // Belgium and Austria count as well: three countries differ from release 2's
            try sql(r.url, "UPDATE reports SET status = 'accepted', accepted_version = 1 WHERE country IN ('BE', 'AT') AND year = 2024")
            r.clock.set("2025-05-01T12:00:00Z")
            _ = try await PublicStatisticsTests.publish(r, 2024)
            let year = try #require(try await Self.years(r).first)
            try await Self.expectFiguresMatchTheReleases(r, year, code: SummaryTests.victims)
            let figures = try #require(year["releases"] as? [[String: Any]])
            // 120 + 180 + 999 + 10 + 30 + 40 + 5000 + 7000
            #expect(SummaryTests.number(figures.last?["value"]) == 13379)
            let revision = try #require(year["revision"] as? [String: Any])
            #expect(SummaryTests.number(revision["change"]) == 12919)  // 13379 − 460
            #expect(SummaryTests.close(revision["change_pct"], "2808.478260870"))  // 12919 / 460
            #expect(revision["missing"] is NSNull)
            #expect(try await Self.revisionSection(r).contains(#"<td data-year="2024">+12,919 (+2,808.5 %)</td>"#))
            let rows = try await r.send(.get, Self.path + "?format=csv", token: nil).text.split(separator: "\r\n")
            #expect(rows.last == "icse_victims_identified,2024,3,2025-05-01T12:00:00Z,13379,false,,false,true,12919,2808.5,,,false")
        }
    }

    @Test func embargoedReleasesUnknownCodesAndFormats() async throws {
        try await withReporting { r in
            try SummaryTests.history(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2024, ["embargo_until": "2025-03-01T09:00:00Z"])
            #expect(try await Self.years(r).isEmpty)
            #expect(try await r.send(.get, Self.path + "?format=csv", token: nil).text.split(separator: "\r\n").count == 1)
            r.clock.set("2025-03-01T09:00:01Z")
            // what was rendered before the embargo ended is not served after it
            let years = try await Self.years(r)
            #expect(years.compactMap { $0["year"] as? Int } == [2024])
            let response = try await r.send(.get, Self.path, token: nil)
            #expect(response.headers[.cacheControl]?.hasPrefix("public") == true)
            let etag = try #require(response.headers[.eTag])
            #expect(try await r.send(.get, Self.path, token: nil, headers: [.ifNoneMatch: etag]).status == .notModified)
            let accepted = try await r.send(.get, Self.path, token: nil, headers: [.accept: "text/csv"])
            #expect(accepted.text == (try await r.send(.get, Self.path + "?format=csv", token: nil)).text)
            try await r.send(.get, "/v1/public/indicators/nope/revisions", token: nil).expectProblem(.notFound, code: "unknown_indicator")
            try await r.send(.get, Self.path + "?format=xml", token: nil).expectProblem(.badRequest, code: "invalid_parameter")
        }
    }

    /// A later release published while an earlier one is still sealed: each year's latest
    /// is release 3 before and after the seal ends, and the page still shows release 2 then.
    @Test func aReleaseFreedUnderALaterOneJoinsThePagesHistory() async throws {
        try await withReporting { r in
            try SummaryTests.history(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2024)
            _ = try await PublicStatisticsTests.publish(r, 2024, ["embargo_until": "2025-03-01T09:00:00Z"])
            _ = try await PublicStatisticsTests.publish(r, 2024)
            let before = try await Self.revisionSection(r)
            #expect(before.contains(#"data-release="1""#) && before.contains(#"data-release="3""#))
            #expect(!before.contains(#"data-release="2""#))
            r.clock.set("2025-03-01T09:00:01Z")
            #expect(try await Self.revisionSection(r).contains(#"data-release="2""#))
        }
    }
}
