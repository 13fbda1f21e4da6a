import Foundation
import Testing

@testable import AllianceTracker

/// The dashboard's templates escape every value, the SVG charts theirs: a hostile
/// name, code or source stays text.
@Suite struct DashboardEscapingTests {
    static let hostile = #"x"><script>alert('1')</script>"#
    static let escaped = "x&quot;&gt;&lt;script&gt;alert(&#39;1&#39;)&lt;/script&gt;"

    @Test func aReferenceSeriesIsEscapedEverywhere() {
        let observation = ReferenceSeries.Observation(
            year: 2020,
            period: Self.hostile,
            value: 1234.5,
            counting: Self.hostile,
            detail: nil,
            confidence: "confirmed",
            derived: false,
            confidenceNote: nil,
            sources: [Self.hostile, "Report \(Self.hostile) https://example.org/?a=1&b=\"2\""]
        )
        let series = ReferenceSeries.Series(
            code: Self.hostile,
            name: Self.hostile,
            publisher: Self.hostile,
            unit: "reports",
            cumulative: false,
            caveat: Self.hostile,
            observations: [observation]
        )
        let html = DashboardTemplates.render(DashboardReference(series), as: "reference")
        #expect(!html.contains("<script"))
        #expect(html.contains("data-series=\"\(Self.escaped)\""))
        #expect(html.contains("<svg id=\"ref-\(Self.escaped)\""))
        #expect(html.contains("<p class=\"caveat\">\(Self.escaped)</p>"))
        #expect(html.contains("<th scope=\"row\">2020 (\(Self.escaped))</th><td>1,234.5</td>"))
        #expect(html.contains("<td>\(Self.escaped)</td><td>\(Self.escaped) <a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\">source</a></td>"))
    }

    @Test func aHeadlineSeriesIsEscapedEverywhere() {
        let point = IndicatorSeries.Point(
            year: 2024,
            release: 1,
            revised: false,
            value: Nullable(460),
            countries: 3,
            growthLikeForLikePct: nil,
            suppressed: false
        )
        let series = IndicatorSeries(indicator: Self.hostile, measureKind: .flow, unit: Self.hostile, demo: false, points: [point])
        let html = DashboardTemplates.render(DashboardTrend(series, indicators: [], year: 2024), as: "trend")
        #expect(!html.contains("<script"))
        #expect(html.contains("data-indicator=\"\(Self.escaped)\""))
        #expect(html.contains("<svg id=\"chart-\(Self.escaped)\""))
        #expect(
            html.contains(
                "<figcaption><a href=\"/indicators/\(Self.escaped)\">\(Self.escaped)</a> (\(Self.escaped)), each year’s latest release</figcaption>"
            )
        )
    }
}
