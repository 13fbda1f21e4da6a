import Foundation

/// A summary as CSV, in long form: one row per figure, so that completeness,
/// indicators, growth and targets fit one table. Percentages (rates, growth, a
/// target's value) are rounded to one decimal; other figures are written exactly.
enum SummaryCSV {
    static let header = ["year", "release", "demo", "section", "item", "measure", "value", "countries", "suppressed"]

    static func render(_ summary: Summary) -> Data {
        var csv = CSVWriter(header: header)
        func add(_ section: String, _ item: String, _ measure: String, _ value: String?, _ countries: Int?, _ suppressed: Bool = false) {
            csv.row([
                String(summary.year), summary.release.value.map(String.init), String(summary.demo), section, item, measure,
                value, countries.map(String.init), String(suppressed),
            ])
        }
        let c = summary.completeness
        add("completeness", "expected", "countries", String(c.expected), c.expected)
        add("completeness", "submitted", "countries", String(c.submitted), c.expected)
        add("completeness", "accepted", "countries", String(c.accepted), c.expected)
        add("completeness", "on_time", "countries", String(c.onTime), c.expected)
        add("completeness", "on_time", "rate_pct", CSVWriter.rounded(c.onTimeRate.pct.value), c.expected)
        for i in summary.indicators {
            // since sql/0018 `suppressed` may concern another figure: the headline row says whether it is withheld
            let headlineWithheld = i.withheld.map { $0[.headline] != nil } ?? i.suppressed
            add("indicator", i.code, "headline", CSVWriter.number(i.headline.value), i.countriesReporting, headlineWithheld)
            if let total = i.total.value { add("indicator", i.code, "total", CSVWriter.number(total), i.countriesReporting) }
            if let mean = i.mean.value { add("indicator", i.code, "mean", CSVWriter.number(mean), i.countriesReporting) }
            if let median = i.median.value { add("indicator", i.code, "median", CSVWriter.number(median), i.countriesReporting) }
            if let share = i.sharePct.value { add("indicator", i.code, "share_pct", CSVWriter.number(share), i.countriesReporting) }
            add(
                "indicator",
                i.code,
                "previous",
                CSVWriter.number(i.previous.value),
                i.previousCountries,
                i.previous.value == nil && i.previousCountries > 0
            )
            let all = i.growth.allReporters
            let lfl = i.growth.likeForLike
            let since = i.sinceBaseline
            // a summary stored before `change_pp` existed is written as it was then
            if i.measureKind.changesInPoints && all.changePp != nil {
                // proportions: points only, never relative growth
                add("indicator", i.code, "change_all_reporters_pp", CSVWriter.rounded(all.changePp?.value), all.countries, all.suppressed)
                add("indicator", i.code, "change_like_for_like_pp", CSVWriter.rounded(lfl.changePp?.value), lfl.countries, lfl.suppressed)
                add("indicator", i.code, "change_since_baseline_pp", CSVWriter.rounded(since.changePp?.value), since.countries, since.suppressed)
            } else {
                add("indicator", i.code, "growth_all_reporters_pct", CSVWriter.rounded(all.pct.value), all.countries, all.suppressed)
                add("indicator", i.code, "growth_like_for_like_pct", CSVWriter.rounded(lfl.pct.value), lfl.countries, lfl.suppressed)
                add("indicator", i.code, "cagr_since_baseline_pct", CSVWriter.rounded(since.cagrPct.value), since.countries, since.suppressed)
            }
            if let level = i.level {
                // a public document has no level sum (Disclosure): no row rather than an empty one
                if level.current.value != nil {
                    add("indicator", i.code, "level", CSVWriter.number(level.current.value), level.countries, level.suppressed)
                }
                add("indicator", i.code, "level_growth_pct", CSVWriter.rounded(level.growthPct.value), level.countries, level.suppressed)
            }
            if since.panel != nil {
                add("indicator", i.code, "baseline_year", since.baselineYear.value.map(String.init), nil)
            }
            // each withheld figure, with why, as a row of its own (releases since sql/0018)
            for (figure, reason) in (i.withheld ?? [:]).sorted(by: { $0.key < $1.key }) {
                add("withheld", i.code, figure.name, reason.rawValue, nil, true)
            }
        }
        for t in summary.targets {
            add("target", t.id, "value", CSVWriter.rounded(t.value.value), t.countries, t.suppressed)
            add("target", t.id, "met", t.met.value.map(String.init), t.countries, t.suppressed)
            for (figure, reason) in (t.withheld ?? [:]).sorted(by: { $0.key < $1.key }) {
                add("withheld", t.id, figure.name, reason.rawValue, nil, true)
            }
        }
        for g in summary.goals {
            add("goal", String(g.goal), "countries_reporting_actions", String(g.countriesReportingActions), nil)
            add(
                "goal",
                String(g.goal),
                "commitments_on_track",
                g.onTrack.value.map(String.init),
                g.commitments,
                g.onTrack.value == nil && g.commitments > 0
            )
            for (figure, reason) in (g.withheld ?? [:]).sorted(by: { $0.key < $1.key }) {
                add("withheld", String(g.goal), figure.name, reason.rawValue, nil, true)
            }
        }
        return csv.data
    }
}
