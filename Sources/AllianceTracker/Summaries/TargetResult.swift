import Foundation

/// A target judged on one year's figures (docs/statistics.md "Targets"), with the
/// data it was judged on.
struct TargetResult: Codable, Sendable, Equatable {
    var id: String
    var indicator: String
    var scope: TargetScope
    /// The country a country-scope target binds; null alliance-wide.
    var country: Nullable<String>
    var rule: TargetRule
    var basis: TargetBasis
    var change: TargetChange
    var threshold: Nullable<Decimal>
    var value: Nullable<Decimal>
    /// True or false when the data decide; null, with `reason`, when they cannot.
    var met: Nullable<Bool>
    var reason: Nullable<TargetReason>
    /// A growth rule's two figures: last year's and this year's.
    var previous: Nullable<Decimal>
    var current: Nullable<Decimal>
    /// Countries the value comes from.
    var countries: Int
    /// Alliance-wide: expected reporters with an accepted value, of the expected reporters.
    var coverage: Nullable<Rate>
    var minCoveragePct: Decimal
    var suppressed: Bool
    /// Public view, in releases since sql/0018: `{"value": reason}` when the value
    /// and the verdict are withheld because the figure they are judged on is.
    var withheld: [WithheldFigure: WithheldReason]? = nil
}

/// Why the data cannot decide a target.
enum TargetReason: String, Codable, Sendable, CaseIterable {
    /// No accepted value this year.
    case noValue = "no_value"
    /// The accepted report says the value is not available.
    case notAvailable = "not_available"
    /// A growth rule without last year's figure.
    case noBase = "no_base"
    /// A growth rule in percent from a figure of 0.
    case zeroBase = "zero_base"
    /// An alliance-wide level or `true` from fewer expected reporters than `min_coverage_pct`.
    case lowCoverage = "low_coverage"
}

extension TargetResult {
    /// Reads a summary stored before targets had a scope, a change and a coverage
    /// (before sql/0012): those were alliance-wide, in percent, without coverage.
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        indicator = try c.decode(String.self, forKey: .indicator)
        scope = try c.decodeIfPresent(TargetScope.self, forKey: .scope) ?? .alliance
        country = try c.decodeIfPresent(Nullable<String>.self, forKey: .country) ?? nil
        rule = try c.decode(TargetRule.self, forKey: .rule)
        basis = try c.decode(TargetBasis.self, forKey: .basis)
        change = try c.decodeIfPresent(TargetChange.self, forKey: .change) ?? .percent
        threshold = try c.decode(Nullable<Decimal>.self, forKey: .threshold)
        value = try c.decode(Nullable<Decimal>.self, forKey: .value)
        met = try c.decode(Nullable<Bool>.self, forKey: .met)
        reason = try c.decodeIfPresent(Nullable<TargetReason>.self, forKey: .reason) ?? nil
        previous = try c.decodeIfPresent(Nullable<Decimal>.self, forKey: .previous) ?? nil
        current = try c.decodeIfPresent(Nullable<Decimal>.self, forKey: .current) ?? nil
        countries = try c.decode(Int.self, forKey: .countries)
        coverage = try c.decodeIfPresent(Nullable<Rate>.self, forKey: .coverage) ?? nil
        minCoveragePct = try c.decodeIfPresent(Decimal.self, forKey: .minCoveragePct) ?? Target.defaultMinCoveragePct
        suppressed = try c.decode(Bool.self, forKey: .suppressed)
        withheld = try c.decodeIfPresent([WithheldFigure: WithheldReason].self, forKey: .withheld)
    }
}
