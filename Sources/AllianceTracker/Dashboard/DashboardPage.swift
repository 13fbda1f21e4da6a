import Foundation

/// The public dashboard (SPEC §7): one year's published figures, every figure with
/// its release and source; charts of the headline indicators and of the reference
/// series, each with a table beside it. Plain HTML and inline SVG: no script, no
/// external asset.
struct DashboardPage {
    let year: Int
    let release: ReleaseInfo
    let summary: Summary
    let published: [ReleaseInfo]
    let goals: [Goal]
    let indicators: [Indicator]
    let series: [IndicatorSeries]
    let reference: ReferenceSeries
    let minimumCountries: Int

    var html: String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
        <title>Global Alliance commitments — \(year)</title>
        <style>\(Self.style)</style>
        </head>
        <body>
        <header>
        <h1>Global Alliance against Child Sexual Abuse Online</h1>
        <p class="lead">What the member countries reported for \(year): figures from published releases only.</p>
        \(demoBanner)
        <nav aria-label="Years"><ul>\(yearLinks)</ul></nav>
        </header>
        <main>
        \(releaseLine)
        \(completeness)
        \(target)
        \(goalSections)
        \(charts)
        \(referenceSection)
        </main>
        <footer><p>Figures computed from fewer than \(minimumCountries) countries are withheld (shown as “withheld”), so that no single country’s figure can be read off a total. Growth “like for like” compares only the countries that reported in both years.</p></footer>
        </body>
        </html>
        """
    }

    private var demoBanner: String {
        summary.demo || published.contains(where: \.demo)
            ? "<p class=\"demo\" role=\"note\"><strong>Demonstration data.</strong> These figures come from made-up reports, not from any country.</p>"
            : ""
    }

    private var yearLinks: String {
        published.map { info in
            info.year == year ? "<li><a aria-current=\"page\" href=\"/years/\(info.year)\">\(info.year)</a></li>"
                : "<li><a href=\"/years/\(info.year)\">\(info.year)</a></li>"
        }.joined()
    }

    private var source: String {
        "release \(release.release) of \(year), published \(Self.day(release.publishedAt))\(release.release > 1 ? " (revised)" : "")"
    }

    private var releaseLine: String {
        "<p class=\"source\">Source: Alliance Tracker \(source). <a href=\"/v1/public/summaries/\(year)/releases/\(release.release)\">JSON</a> · <a href=\"/v1/public/summaries/\(year)/releases/\(release.release)?format=csv\">CSV</a></p>"
    }

    private var completeness: String {
        let c = summary.completeness
        return """
            <section aria-labelledby="completeness"><h2 id="completeness">Reporting</h2>
            <dl class="figures">
            <div><dt>Countries expected to report</dt><dd>\(c.expected)</dd></div>
            <div><dt>Reports submitted</dt><dd>\(c.submitted)</dd></div>
            <div><dt>Reports accepted</dt><dd>\(c.accepted)</dd></div>
            <div><dt>Submitted on time</dt><dd>\(c.onTime) (\(HTML.number(c.onTimeRate.pct.value)) %)</dd></div>
            </dl></section>
            """
    }

    private var target: String {
        guard let og11 = summary.targets.first(where: { $0.id == "OG1.1" }) else { return "" }
        let verdict = switch og11.met.value {
        case true?: "<strong class=\"met\">met</strong>"
        case false?: "<strong class=\"unmet\">not met</strong>"
        case nil: og11.suppressed ? "<strong>withheld</strong>" : "<strong>not enough data to decide</strong>"
        }
        return """
            <section aria-labelledby="og11"><h2 id="og11">Target OG1.1: identified victims grow by at least 10 % a year</h2>
            <p class="target">\(year): <span data-figure="og11-value">\(HTML.percent(og11.value.value))</span> like for like over \(og11.countries) countries — target \(verdict).</p>
            <p class="source">Source: \(source).</p></section>
            """
    }

    private var goalSections: String {
        goals.map { goal in
            let rows = indicators.filter { $0.goal == goal.id && $0.headline }.compactMap { indicator -> String? in
                guard let figure = summary.indicators.first(where: { $0.code == indicator.code }) else { return nil }
                return """
                    <tr><th scope="row">\(HTML.escape(indicator.name))</th>
                    <td data-indicator="\(indicator.code)">\(figure.suppressed ? "withheld" : HTML.number(figure.headline.value)) \(HTML.escape(Self.unit(indicator)))</td>
                    <td>\(figure.countriesReporting)</td><td>\(HTML.percent(figure.growth.likeForLike.pct.value))</td></tr>
                    """
            }
            return """
                <section aria-labelledby="goal-\(goal.id)"><h2 id="goal-\(goal.id)">Goal \(goal.id): \(HTML.escape(goal.title))</h2>
                \(rows.isEmpty ? "<p>No headline indicator.</p>" : """
                <table><caption>Headline figures, \(year) (\(source))</caption>
                <thead><tr><th scope="col">Indicator</th><th scope="col">Figure</th><th scope="col">Countries</th><th scope="col">Growth, like for like</th></tr></thead>
                <tbody>\(rows.joined())</tbody></table>
                """)
                <p>\(summary.goals.first { $0.goal == goal.id }.map { "\($0.countriesReportingActions) countries reported actions taken." } ?? "")</p>
                </section>
                """
        }.joined(separator: "\n")
    }

    private var charts: String {
        let blocks = series.map { series -> String in
            let name = indicators.first { $0.code == series.indicator }?.name ?? series.indicator
            let points = series.points.compactMap { point in
                point.value.value.map { SVGChart.Point(x: point.year, y: NSDecimalNumber(decimal: $0).doubleValue) }
            }
            let chart = SVGChart(
                title: "\(name), by year",
                description: "Line chart of \(name) from \(series.points.first?.year ?? year) to \(series.points.last?.year ?? year); the table beside it gives every figure.",
                segments: [.init(label: name, points: points)]
            )
            let rows = series.points.map { point in
                "<tr><th scope=\"row\">\(point.year)</th><td data-year=\"\(point.year)\">\(point.suppressed ? "withheld" : HTML.number(point.value.value))</td><td>\(point.release)\(point.revised ? " (revised)" : "")</td></tr>"
            }.joined()
            return """
                <figure class="chart-block" data-indicator="\(series.indicator)">
                <figcaption>\(HTML.escape(name)) (\(HTML.escape(series.unit))), each year’s latest release</figcaption>
                <div class="chart-and-table">\(chart.render(id: "chart-\(series.indicator)"))
                <table><thead><tr><th scope="col">Year</th><th scope="col">Figure</th><th scope="col">Release</th></tr></thead><tbody>\(rows)</tbody></table></div>
                </figure>
                """
        }
        return "<section aria-labelledby=\"trends\"><h2 id=\"trends\">Headline indicators across years</h2>\(blocks.joined())</section>"
    }

    /// Each published series; where its counting changed, the figures are drawn as
    /// separate lines, never as one comparable line. In a yearly (not cumulative)
    /// series, a figure for part of a year (a half, January to October) is not
    /// comparable with whole years either: it is a line of its own.
    private var referenceSection: String {
        let blocks = reference.series.filter { !$0.observations.isEmpty }.map { series -> String in
            let line = { (o: ReferenceSeries.Observation) in
                o.period.isEmpty || series.cumulative ? o.counting : "\(o.counting), \(o.period)"
            }
            var countings: [String] = []
            for observation in series.observations where !countings.contains(line(observation)) { countings.append(line(observation)) }
            let segments = countings.map { counting in
                SVGChart.Segment(label: counting, points: series.observations.filter { line($0) == counting }.map {
                    SVGChart.Point(x: $0.year, y: NSDecimalNumber(decimal: $0.value).doubleValue)
                })
            }
            let chart = SVGChart(
                title: "\(series.name) (\(series.publisher))",
                description: "\(series.name), \(series.observations.count) published figures"
                    + (countings.count > 1 ? ", in \(countings.count) separate lines because the counting changed" : "") + ".",
                segments: segments
            )
            let rows = series.observations.map { o in
                let sources = o.sources.map { source -> String in
                    guard let url = source.split(separator: " ").first(where: { $0.hasPrefix("http") }) else { return HTML.escape(source) }
                    return "<a href=\"\(HTML.escape(String(url)))\">source</a>"
                }.joined(separator: " ")
                return "<tr><th scope=\"row\">\(o.year)\(o.period.isEmpty ? "" : " (\(HTML.escape(o.period)))")</th><td>\(HTML.number(o.value))</td><td>\(HTML.escape(o.counting))\(o.derived ? " (derived)" : "")</td><td>\(sources)</td></tr>"
            }.joined()
            return """
                <figure class="chart-block" data-series="\(series.code)">
                <figcaption>\(HTML.escape(series.name)) — \(HTML.escape(series.publisher))</figcaption>
                \(series.caveat.map { "<p class=\"caveat\">\(HTML.escape($0))</p>" } ?? "")
                <div class="chart-and-table">\(chart.render(id: "ref-\(series.code)"))
                <table><thead><tr><th scope="col">Year</th><th scope="col">Figure</th><th scope="col">What was counted</th><th scope="col">Source</th></tr></thead><tbody>\(rows)</tbody></table></div>
                </figure>
                """
        }
        return "<section aria-labelledby=\"reference\"><h2 id=\"reference\">Published statistics from INTERPOL, NCMEC, the IWF and INHOPE</h2>\(blocks.joined())</section>"
    }

    private static func unit(_ indicator: Indicator) -> String {
        switch indicator.measureKind {
        case .ratio, .boolean: "%"
        case .flow, .stock, .duration: indicator.unit
        }
    }

    static func day(_ date: Date) -> String {
        AppClock.dayFormatter.string(from: date)
    }

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1b;background:#fafafa;line-height:1.45}
        header,main,footer{max-width:72rem;margin:0 auto;padding:0 1rem}
        h1{font-size:1.6rem;margin:1rem 0 .25rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc}
        .lead{margin:.25rem 0 1rem}.demo{background:#fff4d6;border:2px solid #c98a00;padding:.5rem .75rem}
        nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem}nav a{padding:.15rem .4rem;border:1px solid #999;border-radius:3px;text-decoration:none;color:#1f5fa8}
        nav a[aria-current]{background:#1f5fa8;color:#fff}
        .figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.75rem}
        .figures div{background:#fff;border:1px solid #ddd;padding:.5rem}.figures dt{font-size:.85rem;color:#555}.figures dd{margin:0;font-size:1.5rem}
        .met{color:#2e7d32}.unmet{color:#b0224b}.source,.caveat{font-size:.85rem;color:#555}
        table{border-collapse:collapse;background:#fff;font-size:.9rem}th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left}
        caption{text-align:left;font-size:.85rem;color:#555;padding:.25rem 0}
        .chart-and-table{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:1rem;align-items:start}
        .chart{width:100%;height:auto;background:#fff;border:1px solid #ddd}.chart .grid{stroke:#e3e3e3}.chart .axis{font-size:11px;fill:#555}
        .legend{list-style:none;padding:0;font-size:.85rem}.swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.4rem;vertical-align:middle}
        figure{margin:1.5rem 0}figcaption{font-weight:600;margin-bottom:.5rem}
        @media (max-width:48rem){.chart-and-table{grid-template-columns:1fr}h1{font-size:1.3rem}}
        """
}
