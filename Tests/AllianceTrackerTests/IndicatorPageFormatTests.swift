import Foundation
import Testing

@testable import AllianceTracker

/// What the pages print: a figure rounded to one decimal shows its decimal, as the CSV
/// writes it; series differ by marker and line, not only colour; catalogue text is escaped.
@Suite struct IndicatorPageFormatTests {
    @Test(arguments: [
        ("8.0", "+8.0"), ("8", "+8.0"), ("0.0", "+0.0"), ("-0.05", "-0.1"), ("12.25", "+12.3"), ("-0.04", "+0.0"), ("1234.56", "+1,234.6"),
    ])
    func aRoundedFigureShowsItsDecimal(value: String, shown: String) throws {
        let decimal = try #require(Decimal(string: value))
        #expect(HTML.percent(decimal) == shown + " %")
        #expect(HTML.points(decimal) == shown + " pp")
        // the CSV's rounding, without its sign and grouping
        let csv = try #require(CSVWriter.rounded(decimal))
        #expect(shown.replacingOccurrences(of: ",", with: "").hasSuffix(csv.replacingOccurrences(of: "-", with: "")))
    }

    @Test func sharesShowTheirDecimalAndCountsStayWhole() {
        #expect(HTML.figure(50, kind: .ratio) == "50.0")
        #expect(HTML.figure(Decimal(string: "66.66")!, kind: .boolean) == "66.7")
        #expect(HTML.figure(460, kind: .flow) == "460")
        #expect(HTML.figure(Decimal(string: "2.5")!, kind: .duration) == "2.5")
        #expect(HTML.share(0) == "0.0")
    }

    @Test func seriesDifferByMarkerAndLineAndTheTextSaysSo() {
        let segments = ["one", "two", "three"].enumerated().map { index, label in
            SVGChart.Segment(label: label, points: [.init(x: 2020, y: Double(index + 1)), .init(x: 2021, y: Double(index + 2))])
        }
        let svg = SVGChart(title: "t", description: "d.", segments: segments).render(id: "c")
        #expect(svg.components(separatedBy: "<circle").count - 1 == 3, "two points and the legend's key")
        #expect(svg.components(separatedBy: "<rect").count - 1 == 3)
        #expect(svg.components(separatedBy: "<polygon").count - 1 == 3)
        #expect(svg.contains("stroke-dasharray=\"7 4\"") && svg.contains("stroke-dasharray=\"2 3\""))
        #expect(
            svg.contains(
                "<desc id=\"c-desc\">d. Lines: one, circles on a solid line; two, squares on a dashed line; three, triangles on a dotted line.</desc>"
            )
        )
        #expect(svg.contains("<li><svg class=\"key\""))
        #expect(svg.contains("</svg>two</li>"))
    }

    @Test func catalogueTextIsEscapedEverywhere() {
        let hostile = DashboardEscapingTests.hostile
        let escaped = DashboardEscapingTests.escaped
        let indicator = Indicator(
            code: hostile,
            goal: 1,
            operationalGoal: nil,
            name: hostile,
            unit: hostile,
            measureKind: .flow,
            definition: hostile,
            expectedRange: .init(min: nil, max: nil),
            headline: false
        )
        let goal = Goal(id: 1, code: "G1", title: hostile, wording: "", confidence: "", source: "", operationalGoals: [])
        let point = IndicatorSeries.Point(
            year: 2024,
            release: 2,
            revised: true,
            value: Nullable(460),
            countries: 3,
            growthLikeForLikePct: Nullable(8),
            suppressed: false
        )
        let series = IndicatorSeries(indicator: hostile, measureKind: .flow, unit: hostile, demo: false, points: [point])
        let html = IndicatorPage(
            indicator: indicator,
            goal: goal,
            series: series,
            history: IndicatorRevisions(indicator: hostile, measureKind: .flow, unit: hostile, demo: false, years: []),
            summaries: [],
            minimumCountries: 3,
            citation: Citation(licence: DataLicence()).view(hostile)
        ).html
        #expect(!html.contains("<script"))
        #expect(html.contains("<h1>\(escaped)</h1>") && html.contains("<dd>\(escaped)</dd>"))
        #expect(html.contains("<dd>Goal 1: \(escaped)</dd>"))
        #expect(html.contains("<svg id=\"chart-\(escaped)\""))
        #expect(html.contains("href=\"/v1/public/indicators/\(escaped)/series?format=csv\""))
        #expect(html.contains("<td data-year=\"2024\">460</td><td>2 (revised)</td><td>3</td><td>+8.0 %</td>"))
    }
}
