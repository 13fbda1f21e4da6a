import Foundation

/// The public dashboard (docs/rules.md §7): one year's published figures, every figure with
/// its release and source; charts of the headline indicators and of the reference
/// series, each with a table beside it. Plain HTML and inline SVG: no script, no
/// external asset.
///
/// A view model: every field is what a template shows, already formatted, and the
/// templates escape each of them; only the charts' SVG goes in as it is.
struct DashboardPage {
    struct YearLink {
        let year: Int
        let current: Bool
    }

    struct Reporting {
        let expected: Int
        let submitted: Int
        let accepted: Int
        let onTime: Int
        let onTimeRate: String
    }

    let year: Int
    let release: Int
    let source: String
    let demo: Bool
    let years: [YearLink]
    let reporting: Reporting
    let target: DashboardTarget?
    let goals: [DashboardGoal]
    let trends: [DashboardTrend]
    let references: [DashboardReference]
    let minimumCountries: Int
    /// The footer's "cite as" line and licence (`citation.mustache`).
    let citation: CitationView

    init(
        year: Int,
        release: ReleaseInfo,
        summary: PublishedSummaryV1,
        published: [ReleaseInfo],
        goals: [Goal],
        indicators: [Indicator],
        series: [IndicatorSeries],
        reference: ReferenceSeries,
        minimumCountries: Int,
        citation: CitationView
    ) {
        let source =
            "release \(release.release) of \(year), published \(Self.day(release.publishedAt))"
            + (release.release > 1 ? " (revised)" : "")
        let c = summary.completeness
        self.year = year
        self.release = release.release
        self.source = source
        self.demo = summary.demo || published.contains(where: \.demo)
        self.years = published.map { YearLink(year: $0.year, current: $0.year == year) }
        self.reporting = Reporting(
            expected: c.expected,
            submitted: c.submitted,
            accepted: c.accepted,
            onTime: c.onTime,
            onTimeRate: HTML.share(c.onTimeRate.pct)
        )
        self.target = summary.targets.first { $0.id == "OG1.1" }.map { target in
            DashboardTarget(
                target,
                level: summary.indicators.first { $0.code == target.indicator }?.level,
                levelWithheld: summary.indicators.first { $0.code == target.indicator }?.reason(.level),
                global: reference.series.first { $0.code == DashboardTarget.globalSeries }
            )
        }
        self.goals = goals.map { DashboardGoal($0, indicators: indicators, summary: summary, year: year, source: source) }
        self.trends = series.map { DashboardTrend($0, indicators: indicators, year: year) }
        self.references = reference.series.filter { !$0.observations.isEmpty }.map(DashboardReference.init)
        self.minimumCountries = minimumCountries
        self.citation = citation
    }

    var html: String {
        DashboardTemplates.render(self, as: "dashboard")
    }

    static func day(_ date: Date) -> String {
        AppClock.dayFormatter.string(from: date)
    }
}
