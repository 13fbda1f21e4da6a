import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

@Suite struct PublicStatisticsTests {
    static func publish(_ r: Reporting, _ year: Int, _ body: [String: Any] = [:]) async throws -> [String: Any] {
        let response = try await r.send(.post, "/v1/summaries/\(year)/releases", token: r.secretariat, json: body)
        #expect(response.status == .created, "\(response.text)")
        return try response.json()
    }

    static func victims(_ summary: [String: Any]) throws -> [String: Any] {
        try SummaryTests.indicator(summary, SummaryTests.victims)
    }

    @Test func thePublicSeesOnlyReleasesAndALateCorrectionWaitsForTheNext() async throws {
        try await withReporting { r in
            try SummaryTests.history(r.url)
            // nothing published: nothing to see
            try await r.send(.get, "/v1/public/summaries/2024", token: nil).expectProblem(.notFound, code: "no_release")
            #expect((try await r.send(.get, "/v1/public/overview", token: nil).json()["years"] as? [Any])?.isEmpty == true)

            let first = try await Self.publish(r, 2024, ["note": "First release"])
            #expect((first["release"] as? [String: Any])?["release"] as? Int == 1)
            var published = try await r.send(.get, "/v1/public/summaries/2024", token: nil).json()
            #expect(published["release"] as? Int == 1)
            #expect(SummaryTests.number(try Self.victims(published)["total"]) == 460)

            // a late correction: Italy's amendment (999) is accepted
            try sql(r.url, "UPDATE reports SET accepted_version = 2, status = 'accepted' WHERE country = 'IT' AND year = 2024")
            #expect(SummaryTests.number(try Self.victims(try await SummaryTests.live(r, 2024))["total"]) == 1379)  // 460 − 80 + 999
            published = try await r.send(.get, "/v1/public/summaries/2024", token: nil).json()
            #expect(SummaryTests.number(try Self.victims(published)["total"]) == 460)

            _ = try await Self.publish(r, 2024, ["note": "Late corrections"])
            published = try await r.send(.get, "/v1/public/summaries/2024", token: nil).json()
            #expect(published["release"] as? Int == 2)
            #expect(published["revised_since"] as? Bool == false)
            // 1379 beside release 1's 460, over the same countries, would give Italy's
            // correction (+919): the revised total is withheld (docs/statistics.md)
            #expect(try Self.victims(published)["total"] is NSNull)
            #expect((try Self.victims(published)["withheld"] as? [String: String])?["total"] == "differencing")
            // the earlier release stays readable, and says it was revised
            let earlier = try await r.send(.get, "/v1/public/summaries/2024/releases/1", token: nil).json()
            #expect(earlier["release"] as? Int == 1)
            #expect(earlier["revised_since"] as? Bool == true)
            #expect(SummaryTests.number(try Self.victims(earlier)["total"]) == 460)
            try await r.send(.get, "/v1/public/summaries/2024/releases/3", token: nil).expectProblem(.notFound, code: "no_release")

            let list = try await r.send(.get, "/v1/summaries/2024/releases", token: r.secretariat).json()
            #expect((list["releases"] as? [[String: Any]])?.compactMap { $0["note"] as? String } == ["First release", "Late corrections"])
            // a release cannot be changed, even by the table's owner
            #expect(throws: LibPQError.self) { try sql(r.url, "UPDATE summary_releases SET note = 'edited'") }
        }
    }

    @Test func anEmbargoedReleaseStaysHiddenUntilItsTime() async throws {
        try await withReporting { r in
            try SummaryTests.history(r.url)
            _ = try await Self.publish(r, 2024, ["embargo_until": "2025-03-01T09:00:00Z"])
            try await r.send(.get, "/v1/public/summaries/2024", token: nil).expectProblem(.notFound, code: "no_release")
            try await r.send(.get, "/v1/public/summaries/2024/releases/1", token: nil).expectProblem(.notFound, code: "no_release")
            #expect((try await r.send(.get, "/v1/public/overview", token: nil).json()["years"] as? [Any])?.isEmpty == true)
            r.clock.set("2025-03-01T09:00:01Z")
            #expect(try await r.send(.get, "/v1/public/summaries/2024", token: nil).status == .ok)
            // what was rendered before the embargo ended is not served after it
            let years = try await r.send(.get, "/v1/public/overview", token: nil).json()["years"] as? [[String: Any]]
            #expect(years?.compactMap { $0["year"] as? Int } == [2024])
            let series = try await r.send(.get, "/v1/public/indicators/icse_victims_identified/series", token: nil).json()
            #expect((series["points"] as? [Any])?.count == 1)
        }
    }

    @Test func publicResponsesAreCacheableAndComeAsCSV() async throws {
        try await withReporting { r in
            try SummaryTests.history(r.url)
            _ = try await Self.publish(r, 2024)
            for path in [
                "/v1/public/summaries/2024", "/v1/public/overview", "/v1/public/reference-series",
                "/v1/public/indicators/icse_victims_identified/series",
            ] {
                let response = try await r.send(.get, path, token: nil)
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers[.cacheControl]?.hasPrefix("public") == true)
                let etag = try #require(response.headers[.eTag])
                let again = try await r.send(.get, path, token: nil, headers: [.ifNoneMatch: etag])
                #expect(again.status == .notModified, "\(path)")
                let csv = try await r.send(.get, path + "?format=csv", token: nil)
                #expect(csv.headers[.contentType] == "text/csv; charset=utf-8", "\(path)")
                let accepted = try await r.send(.get, path, token: nil, headers: [.accept: "text/csv"])
                #expect(accepted.text == csv.text)
            }
            let csv = try await r.send(.get, "/v1/public/summaries/2024?format=csv", token: nil).text
            // growth is rounded to one decimal in CSV: 31.428… → 31.4, 11.428… → 11.4
            #expect(csv.contains(",indicator,icse_victims_identified,growth_all_reporters_pct,31.4,6,false"))
            // like for like, 4 of the 6 countries: 2 from the public total, so withheld (docs/statistics.md)
            #expect(csv.contains(",indicator,icse_victims_identified,growth_like_for_like_pct,,4,true"))
            #expect(csv.contains(",withheld,icse_victims_identified,growth_like_for_like,differencing,,true"))
            #expect(csv.contains(",target,OG1.1,met,,4,true"))
            #expect(csv.contains(",withheld,OG1.1,value,differencing,,true"))
            try await r.send(.get, "/v1/public/summaries/2024?format=xml", token: nil).expectProblem(.badRequest, code: "invalid_parameter")
            try await r.send(.get, "/v1/public/indicators/nope/series", token: nil).expectProblem(.notFound, code: "unknown_indicator")
        }
    }

    @Test func noPublicFigureComesFromFewerThanThreeCountries() async throws {
        try await withReporting { r in
            try SummaryTests.history(r.url)
            _ = try await Self.publish(r, 2023)
            _ = try await Self.publish(r, 2024)
            var paths = [
                "/v1/public/summaries/2023", "/v1/public/summaries/2024", "/v1/public/summaries/2024/releases/1",
                "/v1/public/overview",
            ]
            let codes = try sql(r.url, "SELECT code FROM indicators").compactMap { $0[0] }
            paths += codes.map { "/v1/public/indicators/\($0)/series" }
            var checked = 0
            for path in paths {
                let json = try await r.send(.get, path, token: nil).json()
                checked += try Self.expectNoSmallFigures(json, path: path)
                let csv = try await r.send(.get, path + "?format=csv", token: nil).text
                checked += Self.expectNoSmallFiguresInCSV(csv, path: path)
            }
            // the data hold figures from 1 and 2 countries, so the check had something to catch
            #expect(checked > 20)
            // and with enough countries, the figures are there
            let victims = try Self.victims(try await r.send(.get, "/v1/public/summaries/2024", token: nil).json())
            #expect(SummaryTests.number(victims["total"]) == 460)
            #expect(victims["min"] is NSNull)
            #expect(victims["max"] is NSNull)
        }
    }

    /// Every object with a country count of 1 or 2 carries no figure. Returns how many such objects it saw.
    static func expectNoSmallFigures(_ value: Any, path: String) throws -> Int {
        var seen = 0
        if let object = value as? [String: Any] {
            let small: (String) -> Bool = { key in (object[key] as? Int).map { (1...2).contains($0) } ?? false }
            let figures: [String]
            if small("countries_reporting") {
                figures = ["headline", "total", "mean", "median", "share_pct"]
            } else if small("countries") || (object["pct"] != nil && small("previous_countries")) {
                figures = ["pct", "change_pp", "previous", "current", "value", "met", "cagr_pct", "baseline", "growth_like_for_like_pct"]
            } else {
                figures = []
            }
            if !figures.isEmpty { seen += 1 }
            for key in figures where object[key] != nil {
                #expect(object[key] is NSNull, "\(path): \(key) from too few countries in \(object)")
            }
            for key in ["min", "max"] where object[key] != nil {
                #expect(object[key] is NSNull, "\(path): \(key) is one country's figure")
            }
            for child in object.values { seen += try expectNoSmallFigures(child, path: path) }
        } else if let array = value as? [Any] {
            for child in array { seen += try expectNoSmallFigures(child, path: path) }
        }
        return seen
    }

    /// In CSV, a row whose country count is 1 or 2 has no value.
    static func expectNoSmallFiguresInCSV(_ text: String, path: String) -> Int {
        let rows = text.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = rows.first, let countries = header.firstIndex(of: "countries"), let value = header.firstIndex(of: "value")
        else { return 0 }
        var seen = 0
        for row in rows.dropFirst() where row.count == header.count && ["1", "2"].contains(row[countries]) {
            seen += 1
            #expect(row[value].isEmpty, "\(path): \(row)")
        }
        return seen
    }
}
