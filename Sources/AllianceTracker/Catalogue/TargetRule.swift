import Foundation
import PostgresNIO

/// What a target demands of its figure (docs/rules.md §1, docs/statistics.md "Targets").
enum TargetRule: String, DatabaseEnum {
    case annualGrowthAtLeast = "annual_growth_at_least"
    /// The figure falls by at least as much (a negative threshold), or grows by at most.
    case annualGrowthAtMost = "annual_growth_at_most"
    case levelAtLeast = "level_at_least"
    case levelAtMost = "level_at_most"
    /// A country answers yes; alliance-wide, the share answering yes reaches the threshold (100 by default).
    case `true`

    /// The threshold of `true` when none is set: every reporter answers yes.
    static let everyReporter: Decimal = 100

    /// Whether `value` meets the rule with `threshold`.
    func isMet(by value: Decimal, threshold: Decimal?) -> Bool {
        switch self {
        case .annualGrowthAtLeast, .levelAtLeast: value >= (threshold ?? 0)
        case .annualGrowthAtMost, .levelAtMost: value <= (threshold ?? 0)
        case .true: value >= (threshold ?? Self.everyReporter)
        }
    }

    /// Judged on a year-on-year change rather than a level.
    var isGrowth: Bool {
        switch self {
        case .annualGrowthAtLeast, .annualGrowthAtMost: true
        case .levelAtLeast, .levelAtMost, .true: false
        }
    }
}

/// Which figure of the indicator a target is judged on. A country-scope target is
/// judged on the country's own value (levels) or its own change (growth): the basis
/// names the alliance-wide figure only.
enum TargetBasis: String, DatabaseEnum {
    /// Growth over the countries that reported both years.
    case likeForLike = "like_for_like"
    /// Growth of a flow read as a level (`CumulativeLevel`): the baseline year's figure
    /// plus every accepted figure since, like for like. OG1.1 as written.
    case cumulativeLevel = "cumulative_level"
    /// Growth of this year's reporters against last year's.
    case allReporters = "all_reporters"
    case total
    case mean
    case median
    case share
}

/// Whom a target binds.
enum TargetScope: String, DatabaseEnum {
    case alliance
    case country
}

/// What a growth rule's figure is: relative growth in percent, or the change in
/// percentage points (required for ratios and booleans).
enum TargetChange: String, DatabaseEnum {
    case percent
    case points
}
