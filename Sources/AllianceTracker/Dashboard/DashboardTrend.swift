import Foundation

/// One headline indicator across years: its chart and, beside it, every figure.
struct DashboardTrend {
    struct Row {
        let year: Int
        let figure: String
        let release: Int
        let revised: Bool
    }

    let indicator: String
    let name: String
    let unit: String
    /// SVG that escapes its own text: the one value the template inserts as it is.
    let chart: String
    let rows: [Row]

    init(_ series: IndicatorSeries, indicators: [Indicator], year: Int) {
        let name = indicators.first { $0.code == series.indicator }?.name ?? series.indicator
        let points = series.points.compactMap { point in
            point.value.value.map { SVGChart.Point(x: point.year, y: NSDecimalNumber(decimal: $0).doubleValue) }
        }
        let first = series.points.first?.year ?? year
        let last = series.points.last?.year ?? year
        indicator = series.indicator
        self.name = name
        unit = series.unit
        chart = SVGChart(
            title: "\(name), by year",
            description: "Line chart of \(name) from \(first) to \(last); the table beside it gives every figure.",
            segments: [.init(label: name, points: points)]
        ).render(id: "chart-\(series.indicator)")
        rows = series.points.map { point in
            Row(
                year: point.year,
                figure: point.suppressed ? HTML.withheld(point.withheld?[.headline]) : HTML.figure(point.value.value, kind: series.measureKind),
                release: point.release,
                revised: point.revised
            )
        }
    }
}
