import Foundation

/// One year's judgement of a target set on an indicator, as its latest release of that year
/// published it: the rule in words, the figure it was judged on, and the verdict.
struct IndicatorTarget {
    let id: String
    let year: Int
    let rule: String
    let value: String
    let countries: Int
    /// The verdict's class, for colour: none when the target is neither met nor missed.
    let verdictClass: String?
    let verdict: String

    init(_ target: PublishedSummaryV1.Target, year: Int, kind: MeasureKind) {
        id = target.id
        self.year = year
        rule = Self.words(target.rule, threshold: target.threshold.value, kind: kind)
        let reason = target.withheld?[.value]
        let figure = target.rule.isGrowth ? Self.change(target.value.value, kind: kind) : HTML.figure(target.value.value, kind: kind)
        value = reason.map(HTML.withheld) ?? (target.suppressed ? HTML.withheld(nil) : figure)
        countries = target.countries
        switch target.met.value {
        case true?: (verdictClass, verdict) = ("met", "met")
        case false?: (verdictClass, verdict) = ("unmet", "not met")
        case nil: (verdictClass, verdict) = (nil, target.suppressed ? HTML.withheld(reason) : "not enough data to decide")
        }
    }

    /// Growth of proportions is in points, of the others in percent.
    private static func change(_ value: Decimal?, kind: MeasureKind) -> String {
        kind.changesInPoints ? HTML.points(value) : HTML.percent(value)
    }

    private static func words(_ rule: TargetRule, threshold: Decimal?, kind: MeasureKind) -> String {
        switch rule {
        case .annualGrowthAtLeast: "a change of at least \(change(threshold ?? 0, kind: kind)) a year"
        case .annualGrowthAtMost: "a change of at most \(change(threshold ?? 0, kind: kind)) a year"
        case .levelAtLeast: "a figure of at least \(HTML.figure(threshold ?? 0, kind: kind))"
        case .levelAtMost: "a figure of at most \(HTML.figure(threshold ?? 0, kind: kind))"
        case .true: "at least \(HTML.share(threshold ?? TargetRule.everyReporter)) % of the reporting countries answering yes"
        }
    }
}
