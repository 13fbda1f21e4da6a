import Foundation

/// A commitment with what tracking it needs: its baseline and its target.
struct CommitmentRow: Sendable {
    let id: Int64
    let country: String
    let goal: Int
    let indicator: String?
    let title: String
    let baselineYear: Int?
    let baselineValue: Decimal?
    let targetYear: Int?
    let targetValue: Decimal?
    let targetGrowthPct: Decimal?
}
