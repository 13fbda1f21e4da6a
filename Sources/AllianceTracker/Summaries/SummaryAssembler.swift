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

    /// Every target judged on the year's figures: alliance-wide ones on the
    /// indicator figures and coverage, a country's on its own values.
    static func targets(
        _ targets: [(AllianceTarget, CountryFigure)],
        indicators: [IndicatorSummary],
        covered: [String: Int],
        expected: Int
    ) -> [TargetResult] {
        targets.map { target, figure in
            switch target.scope {
            case .country: return TargetEvaluation.country(target, figure)
            case .alliance:
                let data = TargetEvaluation.Alliance(
                    figure: indicators.first { $0.code == target.indicator },
                    covered: covered[target.indicator] ?? 0,
                    expected: expected
                )
                return TargetEvaluation.alliance(target, data)
            }
        }
    }

    /// The figure a target's basis names, and how many countries it comes from.
    static func value(of figure: IndicatorSummary?, basis: TargetBasis) -> (Decimal?, Int) {
        guard let figure else { return (nil, 0) }
        switch basis {
        case .likeForLike: return (figure.growth.likeForLike.pct.value, figure.growth.likeForLike.countries)
        case .allReporters: return (figure.growth.allReporters.pct.value, figure.growth.allReporters.countries)
        case .cumulativeLevel: return (figure.level?.growthPct.value, figure.level?.countries ?? 0)
        case .total: return (figure.total.value, figure.countriesReporting)
        case .mean: return (figure.mean.value, figure.countriesReporting)
        case .median: return (figure.median.value, figure.countriesReporting)
        case .share: return (figure.sharePct.value, figure.countriesReporting)
        }
    }
}
