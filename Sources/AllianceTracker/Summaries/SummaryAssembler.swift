import Foundation

/// Puts a summary together from the sections its repository reads, and judges the
/// targets. Pure: no database, no clock.
enum SummaryAssembler {
    static func goals(
        _ actions: [(goal: Int, title: String, countries: Int)],
        progress: [CommitmentProgress]
    ) -> [GoalSummary] {
        actions.map { goal, title, countries in
            let mine = progress.filter { $0.goal == goal }
            func count(_ status: CommitmentStatus) -> Nullable<Int> { Nullable(mine.filter { $0.status == status }.count) }
            return GoalSummary(
                goal: goal,
                title: title,
                countriesReportingActions: countries,
                commitments: mine.count,
                onTrack: count(.onTrack),
                offTrack: count(.offTrack),
                achieved: count(.achieved),
                noData: count(.noData)
            )
        }
    }

    /// Alliance-wide targets, judged on the indicator figures. `met` is null when
    /// the figure the target needs is missing: never a guess.
    static func targets(_ targets: [AllianceTarget], indicators: [IndicatorSummary]) -> [TargetResult] {
        targets.map { target in
            let figure = indicators.first { $0.code == target.indicator }
            let (value, countries) = value(of: figure, basis: target.basis)
            let met = value.map { target.rule.isMet(by: $0, threshold: target.threshold) }
            return TargetResult(
                id: target.id,
                indicator: target.indicator,
                rule: target.rule,
                basis: target.basis,
                threshold: Nullable(target.threshold),
                value: Nullable(value),
                met: Nullable(met),
                countries: countries,
                suppressed: false
            )
        }
    }

    /// The figure a target's basis names, and how many countries it comes from.
    static func value(of figure: IndicatorSummary?, basis: TargetBasis) -> (Decimal?, Int) {
        guard let figure else { return (nil, 0) }
        switch basis {
        case .likeForLike: return (figure.growth.likeForLike.pct.value, figure.growth.likeForLike.countries)
        case .allReporters: return (figure.growth.allReporters.pct.value, figure.growth.allReporters.countries)
        case .total: return (figure.total.value, figure.countriesReporting)
        case .mean: return (figure.mean.value, figure.countriesReporting)
        case .median: return (figure.median.value, figure.countriesReporting)
        case .share: return (figure.sharePct.value, figure.countriesReporting)
        }
    }
}
