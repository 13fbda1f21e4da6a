import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// SDMX over the releases of `SummaryTests.history`: release 1 of 2024 (victims total
/// 460, from 6 countries), then Italy's amendment and release 2, whose total is
/// withheld (differencing) and whose like-for-like growth is withheld in both.
@Suite struct SDMXTests {
    static let data = "/v1/public/sdmx/data/dataflow/ALLIANCE/STATS/1.0.0/"
    static let victimsTotal = "icse_victims_identified.ALLIANCE.TOTAL"

    /// Two releases of 2024, published at 2025-02-15T12:00Z and 2025-04-01T12:00Z.
    static func twoReleases(_ r: Reporting) async throws {
        try SummaryTests.history(r.url)
        _ = try await PublicStatisticsTests.publish(r, 2024)
        try sql(r.url, "UPDATE reports SET accepted_version = 2, status = 'accepted' WHERE country = 'IT' AND year = 2024")
        r.clock.set("2025-04-01T12:00:00Z")
        _ = try await PublicStatisticsTests.publish(r, 2024)
    }

    /// The rows of an SDMX-CSV body as header name → field.
    static func rows(_ csv: String) -> [[String: String]] {
        let lines = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func csvAndJSONCarryThePublishedFiguresAndAWithheldOneAsConfidential() async throws {
        try await withReporting { r in
            try await Self.twoReleases(r)
            let csv = try await r.send(
                .get,
                Self.data + Self.victimsTotal,
                token: nil,
                headers: [.accept: "application/vnd.sdmx.data+csv;version=2.0.0"]
            )
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "application/vnd.sdmx.data+csv;version=2.0.0")
            #expect(csv.headers[.vary] == "Accept, Accept-Encoding")
            #expect(csv.text.hasPrefix("STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,STATISTIC,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,CONF_STATUS,"))
            let rows = Self.rows(csv.text)
            #expect(rows.count == 1)
            // release 2's total is withheld: no value, CONF_STATUS C, as the JSON API says
            #expect(rows.first?["OBS_VALUE"] == "")
            #expect(rows.first?["CONF_STATUS"] == "C")
            #expect(rows.first?["RELEASE"] == "2")
            #expect(rows.first?["STRUCTURE_ID"] == "ALLIANCE:STATS(1.0.0)")
            let published = try PublicStatisticsTests.victims(try await r.send(.get, "/v1/public/summaries/2024", token: nil).json())
            #expect(published["total"] is NSNull)

            // every figure the JSON API gives for the indicator, SDMX gives alike
            let all = Self.rows(try await r.send(.get, Self.data + "icse_victims_identified..*?format=csv", token: nil).text)
            #expect(Self.figures(all) == Self.expected(published))
            #expect(Self.figures(all)["GROWTH_ALL"] == "C")
            #expect(Self.figures(all)["TOTAL"] == "C")
            let growth = try #require((published["growth"] as? [String: Any])?["all_reporters"] as? [String: Any])
            #expect(all.first { $0["STATISTIC"] == "GROWTH_ALL" }?["NUM_COUNTRIES"] == "\(growth["countries"] as? Int ?? -1)")

            let json = try await r.send(.get, Self.data + Self.victimsTotal, token: nil)
            #expect(json.headers[.contentType] == "application/vnd.sdmx.data+json;version=2.0.0")
            let dataSet = try #require(((try json.json()["data"] as? [String: Any])?["dataSets"] as? [[String: Any]])?.first)
            let observations = try #require(dataSet["observations"] as? [String: [Any]])
            #expect(observations.count == 1)
            #expect(observations.values.first?.first is NSNull)
            // the same figures, the same message: asked again with its ETag, 304
            let meta = try #require(try json.json()["meta"] as? [String: Any])
            #expect(meta["prepared"] as? String == "2025-04-01T12:00:00Z")
            let etag = try #require(json.headers[.eTag])
            #expect(try await r.send(.get, Self.data + Self.victimsTotal, token: nil, headers: [.ifNoneMatch: etag]).status == .notModified)
        }
    }

    @Test func asOfBeforeTheRevisionGivesTheEarlierReleaseAndUpdatedAfterOnlyWhatChanged() async throws {
        try await withReporting { r in
            try await Self.twoReleases(r)
            let before = Self.rows(try await r.send(.get, Self.data + Self.victimsTotal + "?format=csv&asOf=2025-03-01T00:00:00Z", token: nil).text)
            #expect(before.map { $0["OBS_VALUE"] } == ["460"])
            #expect(before.first?["RELEASE"] == "1")
            #expect(before.first?["CONF_STATUS"] == "F")
            // release 1 by hand: total 460, all reporters +31.43 %, like for like withheld (differencing)
            let earlier = Self.rows(
                try await r.send(.get, Self.data + "icse_victims_identified..*?format=csv&asOf=2025-03-01T00:00:00Z", token: nil).text
            )
            #expect(Self.figures(earlier)["TOTAL"] == "460")
            #expect(Self.figures(earlier)["GROWTH_ALL"] == "31.428571429")
            #expect(Self.figures(earlier)["GROWTH_LFL"] == "C")
            let first = try PublicStatisticsTests.victims(try await r.send(.get, "/v1/public/summaries/2024/releases/1", token: nil).json())
            #expect(Self.figures(earlier) == Self.expected(first))
            // before any release: nothing
            try await r.send(.get, Self.data + "*?asOf=2025-01-01T00:00:00Z", token: nil).expectProblem(.notFound, code: "not_found")

            let everything = Self.rows(try await r.send(.get, Self.data + "*?format=csv", token: nil).text)
            let changed = Self.rows(try await r.send(.get, Self.data + "*?format=csv&updatedAfter=2025-03-01T00:00:00Z", token: nil).text)
            #expect(changed.contains { $0["INDICATOR"] == SummaryTests.victims && $0["STATISTIC"] == "TOTAL" && $0["CONF_STATUS"] == "C" })
            // figures release 2 left as they were are not sent again
            #expect(!changed.isEmpty && changed.count < everything.count)
            // for the victims, exactly the figures whose value or status differ between the two releases
            let second = try PublicStatisticsTests.victims(try await r.send(.get, "/v1/public/summaries/2024/releases/2", token: nil).json())
            let differing = Self.expected(second).filter { Self.expected(first)[$0.key] != $0.value }
            #expect(!differing.isEmpty)
            #expect(Self.figures(changed.filter { $0["INDICATOR"] == SummaryTests.victims }) == differing)
            try await r.send(.get, Self.data + "*?updatedAfter=2025-05-01T00:00:00Z", token: nil).expectProblem(.notFound, code: "not_found")

            let history = Self.rows(try await r.send(.get, Self.data + Self.victimsTotal + "?format=csv&includeHistory=true", token: nil).text)
            #expect(
                history.map { [$0["RELEASE"], $0["OBS_VALUE"], $0["CONF_STATUS"], $0["REVISED"]] } == [
                    ["1", "460", "F", "false"], ["2", "", "C", "true"],
                ]
            )
            // in SDMX-JSON, the second release of the same key goes into a second data set: a data set holds each key once
            let json = try await r.send(.get, Self.data + Self.victimsTotal + "?includeHistory=true", token: nil).json()
            let dataSets = try #require((json["data"] as? [String: Any])?["dataSets"] as? [[String: Any]])
            #expect(dataSets.count == 2)
            #expect(dataSets.compactMap { ($0["observations"] as? [String: [Any]])?["0:0:0:0"]?.first as? Int } == [460])
            #expect(dataSets.last.flatMap { ($0["observations"] as? [String: [Any]])?["0:0:0:0"]?.first } is NSNull)
        }
    }

    @Test func anEmbargoedReleaseIsNoObservationUntilItsTimeNorAsOfBeforeIt() async throws {
        try await withReporting { r in
            try SummaryTests.history(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2024, ["embargo_until": "2025-03-01T09:00:00Z"])
            try await r.send(.get, Self.data + Self.victimsTotal, token: nil).expectProblem(.notFound, code: "not_found")
            r.clock.set("2025-03-01T09:00:01Z")
            let rows = Self.rows(try await r.send(.get, Self.data + Self.victimsTotal + "?format=csv", token: nil).text)
            #expect(rows.map { $0["OBS_VALUE"] } == ["460"])
            // published on 2025-02-15, but public only from the embargo's end
            try await r.send(.get, Self.data + Self.victimsTotal + "?asOf=2025-02-20T00:00:00Z", token: nil)
                .expectProblem(.notFound, code: "not_found")
            // a client that last asked between the publication and the embargo's end gets it:
            // for `updatedAfter` too a release counts from when it became public
            let since = Self.rows(
                try await r.send(.get, Self.data + Self.victimsTotal + "?format=csv&updatedAfter=2025-02-20T00:00:00Z", token: nil).text
            )
            #expect(since.map { $0["OBS_VALUE"] } == ["460"])
        }
    }

    @Test func structuresWildcardsAndRefusals() async throws {
        try await withReporting { r in
            try await Self.twoReleases(r)
            for path in ["dataflow/ALLIANCE/STATS/1.0.0", "datastructure/*/DSD_STATS/~", "codelist/ALLIANCE/CL_STATISTIC,CL_CONF_STATUS/*"] {
                let response = try await r.send(.get, "/v1/public/sdmx/structure/" + path, token: nil)
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers[.contentType] == "application/vnd.sdmx.structure+json;version=2.0.0")
            }
            let lists = try await r.send(.get, "/v1/public/sdmx/structure/codelist/*/*/~", token: nil).json()
            let ids = ((lists["data"] as? [String: Any])?["codelists"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
            #expect(ids == ["CL_INDICATOR", "CL_REF_AREA", "CL_STATISTIC", "CL_CONF_STATUS", "CL_OBS_STATUS"])
            try await r.send(.get, "/v1/public/sdmx/structure/dataflow/OTHER/STATS/1.0.0", token: nil).expectProblem(.notFound, code: "not_found")
            try await r.send(.get, "/v1/public/sdmx/structure/dataflow/ALLIANCE/STATS/2.0.0", token: nil).expectProblem(.notFound, code: "not_found")
            try await r.send(.get, "/v1/public/sdmx/structure/dataflow/ALLIANCE/STATS/latest", token: nil)
                .expectProblem(.badRequest, code: "invalid_parameter")
            try await r.send(.get, "/v1/public/sdmx/data/dataflow/ALLIANCE/OTHER/1.0.0/*", token: nil).expectProblem(.notFound, code: "not_found")
            // `*` and `~` percent-encoded, as some clients send them
            #expect(try await r.send(.get, "/v1/public/sdmx/structure/codelist/%2A/CL_STATISTIC/%7E", token: nil).status == .ok)
            #expect(try await r.send(.get, Self.data + "%2A", token: nil).status == .ok)
            try await r.send(.get, Self.data + "a.b.c.d", token: nil).expectProblem(.badRequest, code: "invalid_parameter")
            // dimensions left off the end are any value; `+` is the latest stable version
            let short = Self.rows(
                try await r.send(.get, "/v1/public/sdmx/data/dataflow/ALLIANCE/STATS/+/icse_victims_identified?format=csv", token: nil).text
            )
            #expect(Set(short.compactMap { $0["STATISTIC"] }) == ["TOTAL", "MEAN", "MEDIAN", "GROWTH_LFL", "GROWTH_ALL"])
            // a time without a zone (pysdmx's naive datetime) is UTC: before release 2
            let naive = Self.rows(try await r.send(.get, Self.data + Self.victimsTotal + "?format=csv&asOf=2025-03-01T00:00:00", token: nil).text)
            #expect(naive.map { $0["RELEASE"] } == ["1"])
            try await r.send(.get, Self.data + "*?asOf=2025-03-01T00:00:00Z&updatedAfter=2025-03-02T00:00:00Z", token: nil)
                .expectProblem(.badRequest, code: "invalid_parameter")
            try await r.send(.get, Self.data + "a.b.c!", token: nil).expectProblem(.badRequest, code: "invalid_parameter")
            try await r.send(.get, Self.data + "nope.ALLIANCE.TOTAL", token: nil).expectProblem(.notFound, code: "not_found")
            try await r.send(.get, Self.data + "*?asOf=yesterday", token: nil).expectProblem(.badRequest, code: "invalid_parameter")
            try await r.send(.get, Self.data + "*?format=xml", token: nil).expectProblem(.badRequest, code: "invalid_parameter")
            try await r.send(.get, Self.data + "*?includeHistory=maybe", token: nil).expectProblem(.badRequest, code: "invalid_parameter")
        }
    }

    /// SDMX-CSV rows of one indicator as statistic → value, or "C" when withheld.
    static func figures(_ rows: [[String: String]]) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: rows.compactMap { row in
                row["STATISTIC"].map { statistic in
                    let value = Decimal(string: row["OBS_VALUE"] ?? "").map(rounded)
                    return (statistic, row["CONF_STATUS"] == "C" && row["OBS_VALUE"] == "" ? "C" : value ?? "?")
                }
            }
        )
    }

    /// Nine decimals: the JSON API's figures come through a double here.
    static func rounded(_ value: Decimal) -> String {
        var value = value
        var result = Decimal()
        NSDecimalRound(&result, &value, 9, .plain)
        return "\(result)"
    }

    /// The same from an indicator of the JSON API: each figure, or "C" when its `withheld` names it.
    static func expected(_ indicator: [String: Any]) -> [String: String] {
        let growth = indicator["growth"] as? [String: Any] ?? [:]
        let like = growth["like_for_like"] as? [String: Any] ?? [:]
        let all = growth["all_reporters"] as? [String: Any] ?? [:]
        let withheld = indicator["withheld"] as? [String: String] ?? [:]
        let figures: [(String, Any?, String)] = [
            ("TOTAL", indicator["total"], "total"), ("MEAN", indicator["mean"], "mean"), ("MEDIAN", indicator["median"], "median"),
            ("SHARE", indicator["share_pct"], "share_pct"), ("GROWTH_LFL", like["pct"], "growth_like_for_like"),
            ("GROWTH_ALL", all["pct"], "growth_all_reporters"), ("CHANGE_PP", like["change_pp"], "growth_like_for_like"),
        ]
        var result: [String: String] = [:]
        for (statistic, value, name) in figures {
            let points = ["ratio", "boolean"].contains(indicator["measure_kind"] as? String)
            guard statistic.hasPrefix("GROWTH") ? !points : statistic == "CHANGE_PP" ? points : true else { continue }
            if withheld[name] != nil {
                result[statistic] = "C"
            } else if let number = SummaryTests.number(value) {
                result[statistic] = rounded(number)
            }
        }
        return result
    }
}
