import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// `/indicators/{code}`: a page for every indicator of the catalogue, whose figures are
/// the series API's, withheld ones shown as withheld, embargoed ones absent until their time.
@Suite struct IndicatorPageTests {
    /// The table's rows by year: the figure's text, whether it is marked withheld, and the release, countries and change.
    static func figures(_ html: String) -> [Int: (text: String, withheld: Bool, rest: [String])] {
        var cells: [Int: (String, Bool, [String])] = [:]
        let row = /<td data-year="(\d+)"( data-withheld="true")?>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td>/
        for match in html.matches(of: row) {
            cells[Int(match.1)!] = (String(match.3), match.2 != nil, [String(match.4), String(match.5), String(match.6)])
        }
        return cells
    }

    /// The release (marked when revised), countries and like-for-like change the page must show for a point.
    static func rest(_ point: [String: Any], kind: MeasureKind) -> [String] {
        let release = "\(point["release"] as? Int ?? 0)" + (point["revised"] as? Bool == true ? " (revised)" : "")
        let reason = ((point["withheld"] as? [String: String])?["growth_like_for_like"]).flatMap(WithheldReason.init(rawValue:))
        let change =
            reason.map(HTML.withheld)
            ?? (kind.changesInPoints
                ? HTML.points(SummaryTests.number(point["change_like_for_like_pp"]))
                : HTML.percent(SummaryTests.number(point["growth_like_for_like_pct"])))
        return [release, "\(point["countries"] as? Int ?? -1)", change]
    }

    /// What the page must show for a point of the series API, formatted as the page formats.
    static func expected(_ point: [String: Any], kind: MeasureKind) -> String {
        if point["suppressed"] as? Bool == true {
            let reason = ((point["withheld"] as? [String: String])?["headline"]).flatMap(WithheldReason.init(rawValue:))
            return HTML.withheld(reason)
        }
        return HTML.figure(SummaryTests.number(point["value"]), kind: kind)
    }

    @Test func everyIndicatorHasAPageWithTheSeriesFigures() async throws {
        try await withReporting { r in
            let before = try await r.send(.get, "/indicators/victims_referred_to_support", token: nil)
            #expect(before.status == .ok)
            #expect(before.headers[.contentType] == "text/html; charset=utf-8")
            #expect(before.text.contains("<p class=\"no-figure\">No published figure yet.</p>"))
            #expect(before.text.contains("<dd>Number of children identified during the calendar year as victims"))
            #expect(!before.text.contains("sdmx"), "no SDMX link while the key matches nothing")

            try SummaryTests.history(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2023)
            _ = try await PublicStatisticsTests.publish(r, 2024)
            _ = try await PublicStatisticsTests.publish(r, 2024, ["note": "A second release: the page marks it revised"])
            let catalogue = try #require(try await r.send(.get, "/v1/indicators", token: nil).json()["indicators"] as? [[String: Any]])
            #expect(catalogue.count == 15)
            var withheld = 0
            var published = 0
            for entry in catalogue {
                let code = try #require(entry["code"] as? String)
                let kindName = try #require(entry["measure_kind"] as? String)
                let kind = try #require(MeasureKind(rawValue: kindName))
                let page = try await r.send(.get, "/indicators/\(code)", token: nil)
                #expect(page.status == .ok, "\(code)")
                #expect(page.headers[.eTag] != nil && page.headers[.cacheControl]?.hasPrefix("public") == true)
                let html = page.text
                #expect(!html.contains("<script") && !html.contains("src=\"http"))
                let name = try #require(entry["name"] as? String)
                #expect(html.contains("<h1>\(HTML.escape(name))</h1>"))
                let series = try await r.send(.get, "/v1/public/indicators/\(code)/series", token: nil).json()
                let points = try #require(series["points"] as? [[String: Any]])
                let shown = Self.figures(html)
                let sdmx = "/v1/public/sdmx/data/dataflow/ALLIANCE/STATS/1.0.0/\(code)?format=csv"
                #expect(html.contains("<a href=\"/v1/public/indicators/\(code)/series?format=csv\">CSV</a>"))
                #expect(html.contains("<a href=\"/v1/public/indicators/\(code)/series\">JSON</a>"))
                guard points.contains(where: { $0["value"] is NSNumber || $0["suppressed"] as? Bool == true }) else {
                    // nothing published for it yet: the page says so, and links no SDMX key that matches nothing
                    #expect(shown.isEmpty && html.contains("No published figure yet."), "\(code)")
                    #expect(!html.contains(sdmx))
                    try await r.send(.get, sdmx, token: nil).expectProblem(.notFound, code: "not_found")
                    continue
                }
                published += 1
                #expect(shown.count == points.count, "\(code)")
                for point in points {
                    let year = try #require(point["year"] as? Int)
                    let cell = try #require(shown[year], "\(code) \(year)")
                    #expect(cell.text == Self.expected(point, kind: kind), "\(code) \(year)")
                    #expect(cell.rest == Self.rest(point, kind: kind), "\(code) \(year)")
                    let suppressed = point["suppressed"] as? Bool == true
                    #expect(cell.withheld == suppressed)
                    if suppressed {
                        withheld += 1
                        #expect(cell.text.hasPrefix("withheld") && cell.text.rangeOfCharacter(from: .decimalDigits) == nil)
                    }
                }
                #expect(html.contains("<a href=\"\(sdmx)\">SDMX-CSV</a>"), "\(code)")
                // every download link answers
                for link in ["/v1/public/indicators/\(code)/series?format=csv", sdmx] {
                    #expect(try await r.send(.get, link, token: nil).status == .ok, "\(link)")
                }
            }
            #expect(published == 5, "the four headline indicators and the one other the history reports")
            #expect(withheld > 0, "the history withholds some figure")

            // the headline figure as the dashboard test reads it, and the target set on it
            let victims = try await r.send(.get, "/indicators/icse_victims_identified", token: nil).text
            #expect(Self.figures(victims)[2024]?.text == "460")
            #expect(Self.figures(victims)[2024]?.rest.first == "2 (revised)" && Self.figures(victims)[2023]?.rest.first == "1")
            #expect(victims.contains("(a headline indicator of the dashboard)"))
            #expect(victims.contains("<li data-target=\"OG1.1\">Target OG1.1, a change of at least +10.0 % a year: 2024: "))
            let referred = try await r.send(.get, "/indicators/victims_referred_to_support", token: nil).text
            #expect(!referred.contains("headline indicator") && !referred.contains("data-target"))
            let unit = try await r.send(.get, "/indicators/dedicated_le_unit", token: nil).text
            #expect(!unit.contains("headline indicator") && Self.figures(unit).count == 2, "a non-headline indicator with figures")

            try await r.send(.get, "/indicators/no_such_indicator", token: nil).expectProblem(.notFound, code: "unknown_indicator")
            try await r.send(.get, "/indicators/%3Cscript%3E", token: nil).expectProblem(.notFound, code: "unknown_indicator")
        }
    }

    @Test func theDashboardAndTheYearPagesLinkEveryIndicatorTheyName() async throws {
        try await withReporting { r in
            try SummaryTests.history(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2024)
            for path in ["/", "/years/2024"] {
                let html = try await r.send(.get, path, token: nil).text
                for code in ["icse_victims_identified", "offenders_convicted", "schools_online_safety_pct", "notice_takedown_median_days"] {
                    // once in its goal's table, once in its chart's caption
                    #expect(html.components(separatedBy: "<a href=\"/indicators/\(code)\">").count - 1 == 2, "\(path) \(code)")
                }
            }
        }
    }

    @Test func anEmbargoedFigureIsAbsentUntilItsTime() async throws {
        try await withReporting { r in
            try SummaryTests.history(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2023)
            let before = try await r.send(.get, "/indicators/icse_victims_identified", token: nil)
            _ = try await PublicStatisticsTests.publish(r, 2024, ["embargo_until": "2025-03-01T09:00:00Z"])
            let during = try await r.send(.get, "/indicators/icse_victims_identified", token: nil)
            #expect(Array(Self.figures(during.text).keys) == [2023])
            #expect(!during.text.contains("2024") && during.text == before.text)
            // a page served 30 s before the embargo ends is not kept past it
            r.clock.set("2025-03-01T08:59:30Z")
            let late = try await r.send(.get, "/indicators/icse_victims_identified", token: nil)
            #expect(late.headers[.cacheControl] == "public, max-age=30" && Self.figures(late.text)[2024] == nil)
            r.clock.set("2025-03-01T09:00:01Z")
            let after = try await r.send(.get, "/indicators/icse_victims_identified", token: nil)
            #expect(Self.figures(after.text)[2024]?.text == "460")
        }
    }
}
