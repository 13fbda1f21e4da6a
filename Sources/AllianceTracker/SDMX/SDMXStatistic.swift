import Foundation

/// The `STATISTIC` dimension: which figure of an indicator a published release holds.
enum SDMXStatistic: String, CaseIterable, Sendable {
    case total = "TOTAL"
    case mean = "MEAN"
    case median = "MEDIAN"
    case share = "SHARE"
    case growthLikeForLike = "GROWTH_LFL"
    case growthAllReporters = "GROWTH_ALL"
    case changePoints = "CHANGE_PP"

    var name: String {
        switch self {
        case .total: "Total"
        case .mean: "Mean"
        case .median: "Median"
        case .share: "Share answering yes, per cent"
        case .growthLikeForLike: "Growth on the previous year, like for like, per cent"
        case .growthAllReporters: "Growth on the previous year, all reporters, per cent"
        case .changePoints: "Change on the previous year, like for like, percentage points"
        }
    }

    /// Growth of a proportion is told in points, of anything else in per cent.
    func applies(to kind: MeasureKind) -> Bool {
        switch self {
        case .total, .mean, .median, .share: true
        case .growthLikeForLike, .growthAllReporters: !kind.changesInPoints
        case .changePoints: kind.changesInPoints
        }
    }

    /// The member of the published document's `withheld` that covers this figure.
    var withheldFigure: WithheldFigure {
        switch self {
        case .total: .total
        case .mean: .mean
        case .median: .median
        case .share: .sharePct
        case .growthLikeForLike, .changePoints: .growthLikeForLike
        case .growthAllReporters: .growthAllReporters
        }
    }

    /// The figure in a published indicator, its unit and the countries it comes from.
    func figure(_ indicator: SDMXPublishedFigures.Indicator) -> (value: Decimal?, unit: String, countries: Int) {
        let growth = indicator.growth
        return switch self {
        case .total: (indicator.total, indicator.unit, indicator.countriesReporting)
        case .mean: (indicator.mean, indicator.unit, indicator.countriesReporting)
        case .median: (indicator.median, indicator.unit, indicator.countriesReporting)
        case .share: (indicator.sharePct, SDMXUnit.percent, indicator.countriesReporting)
        case .growthLikeForLike: (growth.likeForLike.pct, SDMXUnit.percent, growth.likeForLike.countries)
        case .growthAllReporters: (growth.allReporters.pct, SDMXUnit.percent, growth.allReporters.countries)
        case .changePoints: (growth.likeForLike.changePp, SDMXUnit.points, growth.likeForLike.countries)
        }
    }
}

/// Units of the figures that are not the indicator's own.
enum SDMXUnit {
    static let percent = "PCT"
    static let points = "PP"
}
