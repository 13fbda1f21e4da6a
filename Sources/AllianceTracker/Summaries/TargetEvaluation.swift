import Foundation

/// Judges targets on figures already computed (docs/statistics.md "Targets"). Pure:
/// no database, no clock. `met` is null, with a reason, whenever the data cannot
/// decide: never a guess.
enum TargetEvaluation {
    /// What an alliance-wide target is judged with: the indicator's figures, and
    /// how many expected reporters gave an accepted value, of how many.
    struct Alliance {
        var figure: IndicatorSummary?
        var covered: Int
        var expected: Int
    }

    static func alliance(_ target: AllianceTarget, _ data: Alliance) -> TargetResult {
        var result = blank(target)
        let figure = data.figure
        if target.rule.isGrowth, target.basis == .cumulativeLevel {
            let level = figure?.level
            result.countries = level?.countries ?? 0
            // values this year but no country with a level last year: the base is missing
            if level?.current.value == nil, (figure?.countriesReporting ?? 0) > 0 {
                return undecided(result, .noBase)
            }
            return judgeGrowth(target, previous: level?.previous.value, current: level?.current.value, into: result)
        }
        if target.rule.isGrowth {
            let growth = target.basis == .allReporters ? figure?.growth.allReporters : figure?.growth.likeForLike
            result.countries = growth?.countries ?? 0
            // values this year but no country also last year (a first cycle): the base is missing
            if growth?.current.value == nil, (figure?.countriesReporting ?? 0) > 0 {
                return undecided(result, .noBase)
            }
            return judgeGrowth(target, previous: growth?.previous.value, current: growth?.current.value, into: result)
        }
        let (value, countries) = SummaryAssembler.value(of: figure, basis: target.rule == .true ? .share : target.basis)
        result.countries = countries
        let coverage = Rate(data.covered, of: data.expected)
        result.coverage = Nullable(coverage)
        guard let value else {
            return undecided(result, (figure?.notAvailable ?? 0) > 0 ? .notAvailable : .noValue)
        }
        result.value = Nullable(value)
        if (coverage.pct.value ?? 0) < target.minCoveragePct { return undecided(result, .lowCoverage) }
        result.met = Nullable(target.rule.isMet(by: value, threshold: target.threshold))
        return result
    }

    static func country(_ target: AllianceTarget, _ figure: CountryFigure) -> TargetResult {
        var result = blank(target)
        if figure.notAvailable { return undecided(result, .notAvailable) }
        guard let current = figure.current else { return undecided(result, .noValue) }
        result.countries = 1
        switch target.rule {
        case .annualGrowthAtLeast, .annualGrowthAtMost:
            return judgeGrowth(target, previous: figure.previous, current: current, into: result)
        case .levelAtLeast, .levelAtMost:
            result.value = Nullable(current)
            result.met = Nullable(target.rule.isMet(by: current, threshold: target.threshold))
        case .true:
            result.value = Nullable(current)
            result.met = Nullable(current == 1)
        }
        return result
    }

    /// Growth in percent ((current − previous) / previous × 100) or in points (current − previous).
    private static func judgeGrowth(_ target: AllianceTarget, previous: Decimal?, current: Decimal?, into result: TargetResult) -> TargetResult {
        var result = result
        result.previous = Nullable(previous)
        result.current = Nullable(current)
        guard let current else { return undecided(result, .noValue) }
        guard let previous else { return undecided(result, .noBase) }
        let value: Decimal
        switch target.change {
        case .points: value = current - previous
        case .percent:
            if previous == 0 { return undecided(result, .zeroBase) }
            value = (current - previous) / previous * 100
        }
        result.value = Nullable(value)
        result.met = Nullable(target.rule.isMet(by: value, threshold: target.threshold))
        return result
    }

    private static func undecided(_ result: TargetResult, _ reason: TargetReason) -> TargetResult {
        var result = result
        result.met = nil
        result.reason = Nullable(reason)
        return result
    }

    private static func blank(_ target: AllianceTarget) -> TargetResult {
        TargetResult(
            id: target.id,
            indicator: target.indicator,
            scope: target.scope,
            country: Nullable(target.country),
            rule: target.rule,
            basis: target.basis,
            change: target.change,
            threshold: Nullable(target.rule == .true && target.scope == .alliance ? target.threshold ?? TargetRule.everyReporter : target.threshold),
            value: nil,
            met: nil,
            reason: nil,
            previous: nil,
            current: nil,
            countries: 0,
            coverage: nil,
            minCoveragePct: target.minCoveragePct,
            suppressed: false
        )
    }
}
