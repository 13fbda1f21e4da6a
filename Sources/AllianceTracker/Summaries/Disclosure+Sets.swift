import Foundation

/// A summary's public view under the rule on contributor sets, and the sums it
/// makes public, to be recorded with its release.
struct DisclosedSummary: Sendable {
    var view: Summary
    var figures: [ReleaseFigure]
}

extension Disclosure {
    /// Decides every public figure of `summary` against the sums `earlier` releases
    /// made public and the ones this document makes public before it: per indicator,
    /// the headline figures, `previous`, all-reporters growth, like-for-like growth,
    /// the multi-year view and the level, in that order; then the targets; then the
    /// goals' counts of commitments by status.
    func publicView(of summary: Summary, sets: ContributorSets, earlier: [ReleaseFigure]) -> DisclosedSummary {
        var rule = DifferencingRule(minimumCountries: minimumCountries, earlier: earlier)
        var view = withoutCountryFigures(summary)
        var sums: [String: IndicatorSums] = [:]
        view.indicators = summary.indicators.map { indicator in
            let own = IndicatorSums(indicator, year: summary.year, sets: sets)
            sums[indicator.code] = own
            return publicView(of: indicator, sums: own, rule: &rule)
        }
        view.targets = view.targets.map { target in
            var result = target
            let figure = WithheldFigure.of(target.rule == .true ? .share : target.basis)
            guard target.value.value != nil else { return result }
            // the indicator's figure when it was decided; otherwise (a growth in points
            // from a base of 0 has no rate, so its figure was never decided) the sums
            // the target's value is made of, decided here
            let decided = view.indicators.first { $0.code == target.indicator }?.withheld?[figure]
            guard let reason = decided ?? sums[target.indicator].flatMap({ rule.decide($0.of(figure)) }) else { return result }
            result.value = nil
            result.met = nil
            result.suppressed = true
            result.withheld = [.value: reason]
            return result
        }
        view.goals = view.goals.map { goal in
            guard goal.withheld == nil else { return goal }
            let sum = GoalSums.of(goal.goal, year: summary.year, progress: summary.commitmentProgress ?? [])
            if let sum, let reason = rule.decide([sum]) { return goal.withholding(reason) }
            var view = goal
            view.withheld = [:]
            return view
        }
        return DisclosedSummary(view: view, figures: rule.admitted)
    }

    private func publicView(of indicator: IndicatorSummary, sums: IndicatorSums, rule: inout DifferencingRule) -> IndicatorSummary {
        var view = withoutPanels(indicator)
        var withheld: [WithheldFigure: WithheldReason] = [:]
        func decide(_ present: Bool, _ figure: [ReleaseFigure]) -> WithheldReason? {
            guard present, !figure.isEmpty else { return nil }
            return rule.decide(figure)
        }
        if let reason = decide(indicator.headline.value != nil, sums.headline) {
            for (figure, value) in [
                (.headline, indicator.headline), (.total, indicator.total), (.mean, indicator.mean),
                (.median, indicator.median), (.sharePct, indicator.sharePct),
            ] as [(WithheldFigure, Nullable<Decimal>)]
            where value.value != nil {
                withheld[figure] = reason
            }
            (view.headline, view.total, view.mean, view.median, view.sharePct) = (nil, nil, nil, nil, nil)
        }
        if let reason = decide(indicator.previous.value != nil, sums.previous) {
            withheld[.previous] = reason
            view.previous = nil
        }
        // all reporters' growth carries the headline and `previous` as its two figures
        let all = indicator.growth.allReporters
        view.growth.allReporters.current = view.headline
        view.growth.allReporters.previous = view.previous
        let rate = all.pct.value != nil || all.changePp?.value != nil
        let part = rate ? [withheld[.headline], withheld[.previous]].compactMap { $0 }.first : nil
        if let reason = part ?? decide(rate, sums.allReporters) {
            withheld[.growthAllReporters] = reason
            view.growth.allReporters = self.withheld(all, if: true)
        }
        let lfl = indicator.growth.likeForLike
        if let reason = decide(lfl.pct.value != nil || lfl.changePp?.value != nil || lfl.current.value != nil, sums.likeForLike) {
            withheld[.growthLikeForLike] = reason
            view.growth.likeForLike = self.withheld(lfl, if: true)
        }
        let since = indicator.sinceBaseline
        if let reason = decide(since.cagrPct.value != nil || since.changePp?.value != nil, sums.sinceBaseline) {
            withheld[.sinceBaseline] = reason
            view.sinceBaseline.cagrPct = nil
            view.sinceBaseline.changePp = since.changePp.map { _ in nil }
            view.sinceBaseline.suppressed = true
        }
        if let reason = decide(indicator.level?.growthPct.value != nil, sums.level) {
            withheld[.level] = reason
            view.level?.growthPct = nil
            view.level?.suppressed = true
        }
        view.withheld = withheld
        view.suppressed = !withheld.isEmpty
        return view
    }
}

extension WithheldFigure {
    /// The figure of its indicator a target is judged on.
    static func of(_ basis: TargetBasis) -> WithheldFigure {
        switch basis {
        case .likeForLike: .growthLikeForLike
        case .cumulativeLevel: .level
        case .allReporters: .growthAllReporters
        case .total, .mean, .median, .share: .headline
        }
    }
}
