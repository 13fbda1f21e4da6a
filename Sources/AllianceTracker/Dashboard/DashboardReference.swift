import Foundation

/// One published reference series: its chart and, beside it, every figure with its sources.
///
/// Where the series' counting changed, the figures are drawn as separate lines,
/// never as one comparable line. In a yearly (not cumulative) series, a figure for
/// part of a year (a half, January to October) is not comparable with whole years
/// either: it is a line of its own.
struct DashboardReference {
    struct Row {
        let year: Int
        /// The source's own date qualifier ("H1"), or nil for a whole year.
        let period: String?
        let figure: String
        let counting: String
        let derived: Bool
        let sources: [Source]
    }

    /// A link when the source names an address, else its text.
    struct Source {
        let separator: String
        let url: String?
        let text: String
    }

    let code: String
    let name: String
    let publisher: String
    let caveat: String?
    let chart: String
    let rows: [Row]

    init(_ series: ReferenceSeries.Series) {
        let line = { (o: ReferenceSeries.Observation) in
            o.period.isEmpty || series.cumulative ? o.counting : "\(o.counting), \(o.period)"
        }
        var lines: [String] = []
        for observation in series.observations where !lines.contains(line(observation)) { lines.append(line(observation)) }
        let segments = lines.map { label in
            SVGChart.Segment(
                label: label,
                points: series.observations.filter { line($0) == label }.map {
                    SVGChart.Point(x: $0.year, y: NSDecimalNumber(decimal: $0.value).doubleValue)
                }
            )
        }
        code = series.code
        name = series.name
        publisher = series.publisher
        caveat = series.caveat
        chart = SVGChart(
            title: "\(series.name) (\(series.publisher))",
            description: "\(series.name), \(series.observations.count) published figures"
                + (lines.count > 1 ? ", in \(lines.count) separate lines because the counting changed" : "") + ".",
            segments: segments
        ).render(id: "ref-\(series.code)")
        rows = series.observations.map(Self.row)
    }

    private static func row(_ o: ReferenceSeries.Observation) -> Row {
        let sources = o.sources.enumerated().map { index, source in
            let url = source.split(separator: " ").first { $0.hasPrefix("http") }.map(String.init)
            return Source(separator: index == 0 ? "" : " ", url: url, text: source)
        }
        return Row(
            year: o.year,
            period: o.period.isEmpty ? nil : o.period,
            figure: HTML.number(o.value),
            counting: o.counting,
            derived: o.derived,
            sources: sources
        )
    }
}
