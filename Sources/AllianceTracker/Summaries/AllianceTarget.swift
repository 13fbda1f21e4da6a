import Foundation

/// A target as the summary judges it: alliance-wide, or one country's.
struct AllianceTarget: Sendable {
    let id: String
    let indicator: String
    let scope: TargetScope
    let country: String?
    let rule: TargetRule
    let threshold: Decimal?
    let basis: TargetBasis
    let change: TargetChange
    let minCoveragePct: Decimal
}

/// A country's accepted values for a country-scope target's indicator: this year's
/// and last year's, nil when there is none or it is not available.
struct CountryFigure: Sendable {
    var current: Decimal?
    var previous: Decimal?
    /// This year's accepted report says the value is not available.
    var notAvailable: Bool
}
