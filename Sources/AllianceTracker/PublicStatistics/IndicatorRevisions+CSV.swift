import Foundation

extension IndicatorRevisions {
    /// A row per release of each year; the revision's columns only on a year's latest
    /// release (empty on the others). Percentages and points to one decimal.
    var csv: Data {
        var csv = CSVWriter(header: [
            "indicator", "year", "release", "published_at", "value", "withheld", "withheld_reason", "first", "latest", "revision",
            "revision_pct", "revision_pp", "revision_missing", "demo",
        ])
        for year in years {
            for figure in year.releases {
                let latest = figure.release == year.latest.release
                let revision = latest ? year.revision : Revision(change: nil, changePct: nil, changePp: nil, missing: nil)
                csv.row([
                    indicator, String(year.year), String(figure.release), figure.publishedAt.formatted(.iso8601),
                    CSVWriter.number(figure.value.value), String(figure.withheld), figure.withheldReason.value?.rawValue,
                    String(figure.release == year.first.release), String(latest), CSVWriter.number(revision.change?.value),
                    CSVWriter.rounded(revision.changePct?.value), CSVWriter.rounded(revision.changePp?.value),
                    revision.missing.value?.rawValue, String(demo),
                ])
            }
        }
        return csv.data
    }
}
