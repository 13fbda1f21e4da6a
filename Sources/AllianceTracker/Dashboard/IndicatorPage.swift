import Foundation

/// `/indicators/{code}`: one indicator of the catalogue, headline or not. What it
/// measures (from the catalogue), its figure in each year's latest release (the
/// series the API gives, as a chart with the table beside it), the targets set on
/// it, and where to download it. A view model, as `DashboardPage`: every field is
/// already formatted, and the template escapes each but the chart's SVG.
struct IndicatorPage {
    struct Row {
        let year: Int
        let release: Int
        let revised: Bool
        let figure: String
        let withheld: Bool
        let countries: Int
        let growth: String
    }

    struct Download {
        let label: String
        let href: String
    }

    let code: String
    let name: String
    let definition: String
    let unit: String
    let kind: String
    let goal: String
    let headline: Bool
    let demo: Bool
    let years: [Int]
    let chart: String
    let rows: [Row]
    let hasRows: Bool
    let revisions: [IndicatorRevisionRow]
    let hasRevisions: Bool
    let targets: [IndicatorTarget]
    let hasTargets: Bool
    let downloads: [Download]
    let minimumCountries: Int
    /// The footer's "cite as" line and licence (`citation.mustache`).
    let citation: CitationView

    /// `summaries`: the latest visible release of each year, oldest first, with its document.
    init(
        indicator: Indicator,
        goal: Goal?,
        series: IndicatorSeries,
        history: IndicatorRevisions,
        summaries: [PublishedSummaryV1],
        minimumCountries: Int,
        citation: CitationView
    ) {
        let kind = indicator.measureKind
        code = indicator.code
        self.citation = citation
        name = indicator.name
        definition = indicator.definition
        unit = indicator.unit
        self.kind = IndicatorWords.kind(kind)
        self.goal = goal.map { "Goal \($0.id): \($0.title)" } ?? "Goal \(indicator.goal)"
        headline = indicator.headline
        demo = series.demo
        years = summaries.map(\.year)
        chart = SVGChart(
            title: "\(indicator.name), by year",
            description: "Line chart of \(indicator.name), each year’s latest release; the table beside it gives every figure.",
            segments: [
                .init(
                    label: indicator.name,
                    points: series.points.compactMap { p in p.value.value.map { .init(x: p.year, y: NSDecimalNumber(decimal: $0).doubleValue) } }
                )
            ]
        ).render(id: "chart-\(indicator.code)")
        rows = series.points.map { p in
            Row(
                year: p.year,
                release: p.release,
                revised: p.revised,
                figure: p.suppressed ? HTML.withheld(p.withheld?[.headline]) : HTML.figure(p.value.value, kind: kind),
                withheld: p.suppressed,
                countries: p.countries,
                growth: IndicatorWords.change(p, kind: kind)
            )
        }
        // a year whose release has no figure and withholds none is no figure yet
        hasRows = series.points.contains { $0.value.value != nil || $0.suppressed }
        self.revisions = history.years.map { IndicatorRevisionRow($0, kind: kind) }
        hasRevisions = !self.revisions.isEmpty
        targets = summaries.flatMap { summary in
            summary.targets.filter { $0.indicator == indicator.code }.map { IndicatorTarget($0, year: summary.year, kind: kind) }
        }
        hasTargets = !targets.isEmpty
        let path = "/v1/public/indicators/\(indicator.code)/series"
        downloads =
            [Download(label: "CSV", href: path + "?format=csv")]
            + (hasRows ? [Download(label: "SDMX-CSV", href: "/v1/public/sdmx/data/dataflow/ALLIANCE/STATS/1.0.0/\(indicator.code)?format=csv")] : [])
            + [Download(label: "JSON", href: path)]
            + [Download(label: "Revision history, CSV", href: "/v1/public/indicators/\(indicator.code)/revisions?format=csv")]
        self.minimumCountries = minimumCountries
    }

    var html: String {
        DashboardTemplates.render(self, as: "indicator")
    }
}
