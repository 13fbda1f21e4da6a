import Foundation
import Testing

@testable import AllianceTracker

/// Every rule × scope against figures worked out by hand, and each case where the
/// data cannot decide (docs/statistics.md "Targets").
@Suite struct TargetEvaluationTests {
    static func target(
        _ rule: TargetRule,
        _ threshold: Decimal?,
        scope: TargetScope = .alliance,
        basis: TargetBasis = .likeForLike,
        change: TargetChange = .percent,
        coverage: Decimal = 50
    ) -> AllianceTarget {
        AllianceTarget(
            id: "T",
            indicator: "x",
            scope: scope,
            country: scope == .country ? "FR" : nil,
            rule: rule,
            threshold: threshold,
            basis: basis,
            change: change,
            minCoveragePct: coverage
        )
    }

    /// Like for like 100 → 110 (4 countries); all reporters 120 → 90; total 300 from 6, mean 50, share 75.
    static func figure(previous: Decimal? = 100, current: Decimal? = 110, notAvailable: Int = 0) -> IndicatorSummary {
        let pair = GrowthFigure(
            pct: nil,
            countries: 4,
            previousCountries: 4,
            previous: Nullable(previous),
            current: Nullable(current),
            suppressed: false
        )
        let all = GrowthFigure(pct: nil, countries: 6, previousCountries: 5, previous: Nullable(120), current: Nullable(90), suppressed: false)
        let none = BaselineGrowth(baselineYear: nil, countries: 0, baseline: nil, current: nil, cagrPct: nil, suppressed: false)
        let value: Decimal? = current == nil ? nil : 1
        return IndicatorSummary(
            code: "x",
            goal: 1,
            unit: "n",
            measureKind: .flow,
            countriesReporting: value == nil ? 0 : 6,
            notAvailable: notAvailable,
            headline: nil,
            total: Nullable(value.map { _ in 300 }),
            mean: Nullable(value.map { _ in 50 }),
            median: nil,
            min: nil,
            max: nil,
            sharePct: Nullable(value.map { _ in 75 }),
            previous: nil,
            previousCountries: 5,
            growth: Growth(allReporters: all, likeForLike: pair),
            sinceBaseline: none,
            suppressed: false
        )
    }

    static func alliance(_ target: AllianceTarget, _ figure: IndicatorSummary? = figure(), covered: Int = 6, expected: Int = 10) -> TargetResult {
        TargetEvaluation.alliance(target, .init(figure: figure, covered: covered, expected: expected))
    }

    static func country(_ target: AllianceTarget, current: Decimal?, previous: Decimal? = nil, notAvailable: Bool = false) -> TargetResult {
        TargetEvaluation.country(target, CountryFigure(current: current, previous: previous, notAvailable: notAvailable))
    }

    @Test func allianceGrowthAtLeastAndAtMost() {
        // like for like 100 → 110: +10 %
        let atLeast = Self.alliance(Self.target(.annualGrowthAtLeast, 10))
        #expect(atLeast.value.value == 10 && atLeast.met.value == true && atLeast.countries == 4)
        #expect(atLeast.previous.value == 100 && atLeast.current.value == 110)
        #expect(Self.alliance(Self.target(.annualGrowthAtLeast, Decimal(string: "10.5"))).met.value == false)
        // all reporters 120 → 90: −25 %; "falls by at least 20 %" is at most −20
        let falls = Self.alliance(Self.target(.annualGrowthAtMost, -20, basis: .allReporters))
        #expect(falls.value.value == -25 && falls.met.value == true && falls.countries == 6)
        #expect(Self.alliance(Self.target(.annualGrowthAtMost, -30, basis: .allReporters)).met.value == false)
        // in points: 110 − 100 = 10 points
        let points = Self.alliance(Self.target(.annualGrowthAtMost, 5, change: .points))
        #expect(points.value.value == 10 && points.met.value == false)
    }

    @Test func allianceGrowthUndecided() {
        let zero = Self.alliance(Self.target(.annualGrowthAtLeast, 10), Self.figure(previous: 0))
        #expect(zero.met.value == nil && zero.reason.value == .zeroBase && zero.value.value == nil)
        // from 0 in points is a change like any other: 0 → 110 is 110 points
        #expect(Self.alliance(Self.target(.annualGrowthAtLeast, 10, change: .points), Self.figure(previous: 0)).met.value == true)
        let noBase = Self.alliance(Self.target(.annualGrowthAtMost, 10), Self.figure(previous: nil))
        #expect(noBase.met.value == nil && noBase.reason.value == .noBase)
        let noValue = Self.alliance(Self.target(.annualGrowthAtLeast, 10), Self.figure(current: nil))
        #expect(noValue.met.value == nil && noValue.reason.value == .noValue)
        #expect(Self.alliance(Self.target(.annualGrowthAtLeast, 10), nil).reason.value == .noValue)
        // a first cycle: values this year, none from a country that also reported last
        // year, so the like-for-like pair is empty: the base is what is missing
        var first = Self.figure(previous: nil, current: nil)
        first.countriesReporting = 6
        #expect(Self.alliance(Self.target(.annualGrowthAtLeast, 10), first).reason.value == .noBase)
    }

    @Test func allianceLevels() {
        let atLeast = Self.alliance(Self.target(.levelAtLeast, 300, basis: .total))
        #expect(atLeast.value.value == 300 && atLeast.met.value == true && atLeast.countries == 6)
        #expect(atLeast.coverage.value == Rate(6, of: 10))
        #expect(Self.alliance(Self.target(.levelAtLeast, 301, basis: .total)).met.value == false)
        #expect(Self.alliance(Self.target(.levelAtMost, 50, basis: .mean)).met.value == true)
        #expect(Self.alliance(Self.target(.levelAtMost, 49, basis: .mean)).met.value == false)
    }

    @Test func allianceLevelsUndecided() {
        // 4 of 10 expected reporters: 40 % < 50 %; the value is shown, not judged
        let low = Self.alliance(Self.target(.levelAtLeast, 1, basis: .total), covered: 4)
        #expect(low.met.value == nil && low.reason.value == .lowCoverage && low.value.value == 300)
        // exactly the minimum is enough: only strictly below is undecided
        #expect(Self.alliance(Self.target(.levelAtLeast, 1, basis: .total), covered: 5).met.value == true)
        #expect(Self.alliance(Self.target(.levelAtLeast, 1, basis: .total, coverage: 0), covered: 0).met.value == true)
        let missing = Self.alliance(Self.target(.levelAtMost, 1, basis: .mean), Self.figure(current: nil), covered: 0)
        #expect(missing.reason.value == .noValue)
        let unavailable = Self.alliance(Self.target(.levelAtMost, 1, basis: .mean), Self.figure(current: nil, notAvailable: 2), covered: 0)
        #expect(unavailable.met.value == nil && unavailable.reason.value == .notAvailable)
    }

    @Test func allianceTrueIsTheShareAnsweringYes() {
        // 75 % answer yes: below the default of every reporter, above a threshold of 70
        let every = Self.alliance(Self.target(.true, nil, basis: .share))
        #expect(every.value.value == 75 && every.threshold.value == 100 && every.met.value == false)
        #expect(Self.alliance(Self.target(.true, 70, basis: .share)).met.value == true)
        #expect(Self.alliance(Self.target(.true, 76, basis: .share)).met.value == false)
        let low = Self.alliance(Self.target(.true, 70, basis: .share, coverage: 70), covered: 6)
        #expect(low.met.value == nil && low.reason.value == .lowCoverage)
    }

    @Test func countryGrowth() {
        // FR 80 → 60: −25 %; −20 points
        let falls = Self.country(Self.target(.annualGrowthAtMost, -20, scope: .country), current: 60, previous: 80)
        #expect(falls.value.value == -25 && falls.met.value == true && falls.countries == 1)
        #expect(Self.country(Self.target(.annualGrowthAtLeast, 0, scope: .country), current: 60, previous: 80).met.value == false)
        let points = Self.country(
            Self.target(.annualGrowthAtLeast, 5, scope: .country, change: .points),
            current: Decimal(string: "67.5")!,
            previous: Decimal(string: "64.9")!
        )
        #expect(points.value.value == Decimal(string: "2.6") && points.met.value == false)
        let zero = Self.country(Self.target(.annualGrowthAtLeast, 10, scope: .country), current: 5, previous: 0)
        #expect(zero.met.value == nil && zero.reason.value == .zeroBase)
        let noBase = Self.country(Self.target(.annualGrowthAtLeast, 10, scope: .country), current: 5)
        #expect(noBase.met.value == nil && noBase.reason.value == .noBase)
    }

    @Test func countryLevelsAndTrue() {
        #expect(Self.country(Self.target(.levelAtLeast, 100, scope: .country, basis: .total), current: 120).met.value == true)
        #expect(Self.country(Self.target(.levelAtLeast, 121, scope: .country, basis: .total), current: 120).met.value == false)
        #expect(Self.country(Self.target(.levelAtMost, 3, scope: .country, basis: .median), current: 2).met.value == true)
        #expect(Self.country(Self.target(.levelAtMost, 1, scope: .country, basis: .median), current: 2).met.value == false)
        let yes = Self.country(Self.target(.true, nil, scope: .country, basis: .share), current: 1)
        #expect(yes.met.value == true && yes.value.value == 1 && yes.coverage.value == nil)
        #expect(Self.country(Self.target(.true, nil, scope: .country, basis: .share), current: 0).met.value == false)
    }

    @Test func countryUndecided() {
        for rule in TargetRule.allCases {
            let basis: TargetBasis = rule.isGrowth ? .likeForLike : .total
            let none = Self.country(Self.target(rule, 1, scope: .country, basis: basis), current: nil, previous: 5)
            #expect(none.met.value == nil && none.reason.value == .noValue, "\(rule)")
            let unavailable = Self.country(Self.target(rule, 1, scope: .country, basis: basis), current: nil, previous: 5, notAvailable: true)
            #expect(unavailable.met.value == nil && unavailable.reason.value == .notAvailable, "\(rule)")
        }
    }
}

/// A summary stored before sql/0012 (frozen later by `alliance migrate`) still reads.
@Suite struct TargetResultFormatTests {
    @Test func aTargetResultWithoutTheNewFieldsReadsAsAllianceWideInPercent() throws {
        let old =
            #"{"id":"OG1.1","indicator":"x","rule":"annual_growth_at_least","basis":"like_for_like","threshold":10,"value":null,"met":null,"countries":0,"suppressed":false}"#
        let result = try JSONCoding.decoder.decode(TargetResult.self, from: Data(old.utf8))
        #expect(result.scope == .alliance && result.change == .percent && result.minCoveragePct == 50 && result.reason.value == nil)
    }
}
