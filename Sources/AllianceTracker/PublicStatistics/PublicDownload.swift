import Foundation

/// Everything public in one file (`GET /v1/public/download.csv`): every figure of
/// every public release of every year, flattened as SDMX flattens them
/// (`SDMXObservation.all`), so both say the same. Rows by year, release, indicator
/// code, then statistic in `SDMXStatistic`'s order (docs/open-data.md "Bulk download").
struct PublicDownload: Sendable {
    struct Row: Sendable {
        var info: ReleaseInfo
        /// The release is its year's latest public one.
        var latest: Bool
        var figure: SDMXObservation
        /// The figure differs (value, or withheld or not) from the year's previous public
        /// release, or that one lacked it: what `ReleaseRevisions` lists for the release.
        var changed: Bool
    }

    var rows: [Row] = []

    /// `releases`: each public release with its figures, in any order.
    init(_ releases: [(info: ReleaseInfo, figures: [SDMXObservation])]) {
        for (_, list) in Dictionary(grouping: releases, by: \.info.year).sorted(by: { $0.key < $1.key }) {
            let ordered = list.sorted { $0.info.release < $1.info.release }
            var previous: [SDMXObservation]?
            for (info, figures) in ordered {
                let sorted = figures.sorted { ($0.indicator, Self.order($0.statistic)) < ($1.indicator, Self.order($1.statistic)) }
                // one rule for what a release revised, the list of releases' own
                let changed = Set(
                    previous.map { ReleaseRevisions.compare(previous: $0, current: figures) }?
                        .flatMap { indicator in indicator.figures.map { "\(indicator.indicator)/\($0.statistic.rawValue)" } } ?? []
                )
                rows += sorted.map { figure in
                    let key = "\(figure.indicator)/\(figure.statistic.rawValue)"
                    return Row(info: info, latest: info.release == ordered.last?.info.release, figure: figure, changed: changed.contains(key))
                }
                previous = figures
            }
        }
    }

    private static func order(_ statistic: SDMXStatistic) -> Int {
        SDMXStatistic.allCases.firstIndex(of: statistic) ?? 0
    }

    static let header = [
        "year", "release", "published_at", "latest", "indicator", "measure_kind", "unit", "statistic", "value", "countries", "withheld",
        "withheld_reason", "revised", "changed", "demo", "cite_as",
    ]

    /// Each row carries how to cite its release, with the licence: a file saved
    /// without its HTTP headers still says both.
    func csv(citation: Citation) -> Data {
        var csv = CSVWriter(header: Self.header)
        for row in rows {
            let figure = row.figure
            csv.row([
                String(row.info.year), String(row.info.release), row.info.publishedAt.formatted(.iso8601), String(row.latest), figure.indicator,
                figure.measureKind.rawValue, figure.unit, figure.statistic.rawValue, Self.value(figure), String(figure.countries),
                String(figure.confidential), figure.withheldReason?.rawValue, String(figure.revised), String(row.changed), String(row.info.demo),
                citation.citeAs(citation.reference(row.info)),
            ])
        }
        return csv.data
    }

    /// Growth and change in points to one decimal, as every CSV of ours (docs/rules.md §4);
    /// the other figures as published.
    private static func value(_ figure: SDMXObservation) -> String? {
        switch figure.statistic {
        case .growthLikeForLike, .growthAllReporters, .changePoints: CSVWriter.rounded(figure.value)
        case .total, .mean, .median, .share: CSVWriter.number(figure.value)
        }
    }
}
