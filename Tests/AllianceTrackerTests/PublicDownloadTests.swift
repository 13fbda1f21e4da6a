import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// `GET /v1/public/download.csv` checked against the summary and series endpoints, over
/// 2023's release and 2024's two (`SDMXTests.twoReleases`).
@Suite struct PublicDownloadTests {
    static let path = "/v1/public/download.csv"

    /// The rows as header name → field, and the header.
    static func rows(_ r: Reporting) async throws -> (header: [String], rows: [[String: String]]) {
        // read as RFC 4180, quoted fields included (`cite_as` has commas)
        let table = try CSVTable(name: "download.csv", text: try await r.send(.get, Self.path, token: nil).text)
        return (table.columns, table.rows.map { Dictionary(uniqueKeysWithValues: zip(table.columns, $0)) })
    }

    /// A row's figure as `SDMXTests.expected` gives a summary's: its value, or "C" when withheld.
    static func figure(_ row: [String: String]) -> String {
        if row["withheld"] == "true" { return "C" }
        // growth and points are written to one decimal already: compared as written
        if Self.growth.contains(row["statistic"] ?? "") { return row["value"] ?? "?" }
        return Decimal(string: row["value"] ?? "").map(SDMXTests.rounded) ?? "?"
    }

    static let growth: Set = ["GROWTH_LFL", "GROWTH_ALL", "CHANGE_PP"]

    /// Growth and points as every CSV of ours gives them: to one decimal.
    static func roundingGrowth(_ expected: [String: String]) -> [String: String] {
        expected.reduce(into: [:]) { result, pair in
            let growth = Self.growth.contains(pair.key)
            result[pair.key] = growth ? Decimal(string: pair.value).flatMap(CSVWriter.rounded) ?? pair.value : pair.value
        }
    }

    static let headline = ["flow": "TOTAL", "stock": "TOTAL", "ratio": "MEAN", "duration": "MEDIAN", "boolean": "SHARE"]

    @Test func everyRowIsItsReleasesFigureAndTheLatestAreTheSeries() async throws {
        try await withReporting { r in
            try await SDMXTests.twoReleases(r)
            r.clock.set("2025-04-02T12:00:00Z")
            _ = try await PublicStatisticsTests.publish(r, 2023)
            let response = try await r.send(.get, Self.path, token: nil)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(response.headers[.contentDisposition] == "attachment; filename=\"alliance-statistics.csv\"")
            #expect(response.headers[.cacheControl]?.hasPrefix("public") == true)
            let etag = try #require(response.headers[.eTag])
            let again = try await r.send(.get, Self.path, token: nil, headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)

            let (header, rows) = try await Self.rows(r)
            #expect(header == PublicDownload.header)
            // by year, release, indicator, then statistic
            let keys = rows.map { [$0["year"] ?? "", $0["release"] ?? "", $0["indicator"] ?? ""] }
            #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) })
            #expect(Set(rows.map { "\($0["year"] ?? "").\($0["release"] ?? "")" }) == ["2023.1", "2024.1", "2024.2"])

            // every row of each release is that release's figure, and every figure has its row
            var checked = 0
            for (year, release) in [(2023, 1), (2024, 1), (2024, 2)] {
                let summary = try await r.send(.get, "/v1/public/summaries/\(year)/releases/\(release)", token: nil).json()
                for indicator in try #require(summary["indicators"] as? [[String: Any]]) {
                    let code = try #require(indicator["code"] as? String)
                    let mine = rows.filter { $0["year"] == "\(year)" && $0["release"] == "\(release)" && $0["indicator"] == code }
                    let given = Dictionary(uniqueKeysWithValues: mine.map { ($0["statistic"] ?? "", Self.figure($0)) })
                    #expect(given == Self.roundingGrowth(SDMXTests.expected(indicator)), "\(year).\(release) \(code)")
                    let withheld = indicator["withheld"] as? [String: String] ?? [:]
                    for row in mine where row["withheld"] == "true" {
                        #expect(withheld.values.contains(row["withheld_reason"] ?? ""), "\(row)")
                    }
                    #expect(
                        mine.allSatisfy {
                            $0["latest"] == String(year == 2023 || release == 2) && $0["measure_kind"] == indicator["measure_kind"] as? String
                        }
                    )
                    checked += mine.count
                }
            }
            #expect(checked == rows.count)

            // every latest headline row is the series' point
            let codes = Set(rows.compactMap { $0["indicator"] })
            for code in codes {
                let series = try await r.send(.get, "/v1/public/indicators/\(code)/series", token: nil).json()
                let kind = try #require(series["measure_kind"] as? String)
                for point in try #require(series["points"] as? [[String: Any]]) {
                    let year = try #require(point["year"] as? Int)
                    let row = try #require(
                        rows.first {
                            $0["indicator"] == code && $0["year"] == "\(year)" && $0["latest"] == "true" && $0["statistic"] == Self.headline[kind]
                        }
                    )
                    #expect(row["release"] == "\(point["release"] as? Int ?? 0)")
                    #expect(Decimal(string: row["value"] ?? "") == SummaryTests.number(point["value"]), "\(code) \(year)")
                    #expect((row["withheld"] == "true") == (point["suppressed"] as? Bool == true), "\(code) \(year)")
                }
            }

            // the same figures as SDMX with every release's history
            let sdmx = SDMXTests.rows(try await r.send(.get, SDMXTests.data + "*?format=csv&includeHistory=true", token: nil).text)
            let key: ([String: String], [String]) -> [String] = { row, names in names.map { row[$0] ?? "" } }
            // growth and points to one decimal, as every CSV of ours; SDMX gives them as published
            let growth = Self.growth
            let rounded = sdmx.map { row in
                var row = row
                if growth.contains(row["STATISTIC"] ?? "") { row["OBS_VALUE"] = CSVWriter.rounded(Decimal(string: row["OBS_VALUE"] ?? "")) ?? "" }
                return row
            }
            #expect(rows.contains { growth.contains($0["statistic"] ?? "") && !($0["value"] ?? "").isEmpty })
            #expect(
                Set(rounded.map { key($0, ["TIME_PERIOD", "RELEASE", "INDICATOR", "STATISTIC", "OBS_VALUE", "NUM_COUNTRIES"]) })
                    == Set(rows.map { key($0, ["year", "release", "indicator", "statistic", "value", "countries"]) })
            )

            // revised: a later release, as in the series and SDMX; changed: 2024.2's victims total
            // went from 460 to withheld, the schools' mean stayed 70
            let victims = rows.filter { $0["indicator"] == SummaryTests.victims && $0["statistic"] == "TOTAL" && $0["year"] == "2024" }
            #expect(
                victims.map { [$0["release"], $0["value"], $0["withheld_reason"], $0["revised"], $0["changed"]] } == [
                    ["1", "460", "", "false", "false"], ["2", "", "differencing", "true", "true"],
                ]
            )
            let schools = rows.filter { $0["indicator"] == "schools_online_safety_pct" && $0["statistic"] == "MEAN" && $0["year"] == "2024" }
            #expect(schools.map { [$0["value"], $0["revised"], $0["changed"]] } == [["70", "false", "false"], ["70", "true", "false"]])
            #expect(rows.allSatisfy { $0["release"] != "1" || ($0["revised"] == "false" && $0["changed"] == "false") })
            // each row cites its own release, with the licence
            #expect(
                victims.last?["cite_as"]?.hasPrefix("Global Alliance against Child Sexual Abuse Online, annual summary 2024, release 2, published ")
                    == true
            )
            #expect(rows.allSatisfy { $0["cite_as"]?.hasSuffix(". Licence: CC BY 4.0.") == true })
        }
    }

    @Test func anEmbargoedReleaseIsNoRowUntilItsTime() async throws {
        try await withReporting { r in
            try SummaryTests.history(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2024, ["embargo_until": "2025-03-01T09:00:00Z"])
            let before = try await Self.rows(r)
            #expect(before.header == PublicDownload.header)
            #expect(before.rows.isEmpty)
            r.clock.set("2025-03-01T09:00:01Z")
            // what was rendered before the embargo ended is not served after it
            let after = try await Self.rows(r).rows
            #expect(!after.isEmpty && after.allSatisfy { $0["year"] == "2024" && $0["release"] == "1" && $0["latest"] == "true" })
            #expect(after.contains { $0["indicator"] == SummaryTests.victims && $0["statistic"] == "TOTAL" && $0["value"] == "460" })
            // compressed once, served to those who ask
            let zipped = try await r.send(.get, Self.path, token: nil, headers: [.acceptEncoding: "gzip"])
            #expect(zipped.headers[.contentEncoding] == "gzip")
            #expect(zipped.headers[.contentDisposition] != nil)
        }
    }

    /// Public: no token needed, and whichever token is sent, the same answer (docs/rules.md §3).
    @Test func bothRoutesAnswerWithoutAToken() async throws {
        try await withReporting { r in
            try SummaryTests.history(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2024)
            for path in [Self.path, RevisionHistoryTests.path] {
                let open = try await r.send(.get, path, token: nil)
                #expect(open.status == .ok, "\(path)")
                for token in [r.germany, r.france, r.secretariat] {
                    let response = try await r.send(.get, path, token: token)
                    #expect(response.status == .ok && response.text == open.text, "\(path)")
                }
            }
        }
    }
}
