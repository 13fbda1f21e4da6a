import Foundation
import PostgresNIO

/// What a target demands of its figure (docs/rules.md §1).
enum TargetRule: String, DatabaseEnum {
    case annualGrowthAtLeast = "annual_growth_at_least"
    case levelAtLeast = "level_at_least"
    case levelAtMost = "level_at_most"
    /// Every reporting country answers yes.
    case `true`

    /// Whether `value` meets the rule with `threshold`.
    func isMet(by value: Decimal, threshold: Decimal?) -> Bool {
        switch self {
        case .annualGrowthAtLeast, .levelAtLeast: value >= (threshold ?? 0)
        case .levelAtMost: value <= (threshold ?? 0)
        case .true: value == 100
        }
    }
}

/// Which figure of the indicator a target is judged on.
enum TargetBasis: String, DatabaseEnum {
    /// Growth over the countries that reported both years.
    case likeForLike = "like_for_like"
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
