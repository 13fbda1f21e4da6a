import Foundation

/// An alliance-wide target as the summary judges it.
struct AllianceTarget: Sendable {
    let id: String
    let indicator: String
    let rule: TargetRule
    let threshold: Decimal?
    let basis: TargetBasis
}
