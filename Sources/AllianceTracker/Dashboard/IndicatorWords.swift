import Foundation

/// The words an indicator's page uses for its measure kind and its change.
enum IndicatorWords {
    static func kind(_ kind: MeasureKind) -> String {
        switch kind {
        case .flow: "a count over the year; the figure is the total of the reporting countries"
        case .stock: "a count at the year’s end; the figure is the total of the reporting countries"
        case .ratio: "a percentage; the figure is the mean of the reporting countries, in %"
        case .duration: "a time; the figure is the median of the reporting countries"
        case .boolean: "yes or no; the figure is the share of reporting countries answering yes, in %"
        }
    }

    /// Like for like: points for proportions, percent growth for counts and times; a withheld change says why.
    static func change(_ point: IndicatorSeries.Point, kind: MeasureKind) -> String {
        if let reason = point.withheld?[.growthLikeForLike] { return HTML.withheld(reason) }
        return kind.changesInPoints ? HTML.points(point.changeLikeForLikePp?.value) : HTML.percent(point.growthLikeForLikePct.value)
    }
}
