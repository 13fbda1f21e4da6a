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
    /// Its ETag: a PATCH names it in `If-Match`; every change adds one.
    var version: Int
    /// Set when the country withdrew it: kept and shown, but no longer changed or counted.
    var withdrawnAt: Date?
    var withdrawalReason: String?
    var createdAt: Date
    var updatedAt: Date
    /// Where it stands in the year asked for (the latest cycle by default).
    var progress: CommitmentStanding?

    /// What tracking it needs.
    var row: CommitmentRow {
        CommitmentRow(
            id: id,
            country: country,
            goal: goal,
            indicator: indicator,
            title: title,
            baselineYear: baselineYear,
            baselineValue: baselineValue,
            targetYear: targetYear,
            targetValue: targetValue,
            targetGrowthPct: targetGrowthPct
        )
    }

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
