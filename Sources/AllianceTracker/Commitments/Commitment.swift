import Foundation

/// A country's national policy target under one goal.
struct Commitment: Codable, Sendable {
    var id: Int64
    var country: String
    var goal: Int
    var operationalGoal: String?
    var indicator: String?
    var title: String
    var description: String
    var baselineYear: Int?
    var baselineValue: Decimal?
    var targetYear: Int?
    var targetValue: Decimal?
    var targetGrowthPct: Decimal?
    var createdAt: Date
    var updatedAt: Date

    var input: CommitmentInput {
        CommitmentInput(
            goal: goal,
            operationalGoal: operationalGoal,
            indicator: indicator,
            title: title,
            description: description,
            baselineYear: baselineYear,
            baselineValue: baselineValue,
            targetYear: targetYear,
            targetValue: targetValue,
            targetGrowthPct: targetGrowthPct
        )
    }
}
