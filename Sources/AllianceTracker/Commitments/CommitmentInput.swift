import Foundation

/// What a client sends to create a commitment, and what a PATCH is merged into.
struct CommitmentInput: Codable, Sendable, Equatable {
    var goal: Int
    var operationalGoal: String?
    var indicator: String?
    var title: String
    var description: String?
    var baselineYear: Int?
    var baselineValue: Decimal?
    var targetYear: Int?
    var targetValue: Decimal?
    /// A yearly growth, in percent, instead of a target value.
    var targetGrowthPct: Decimal?

    static let fields: Set<String> = [
        "goal", "operational_goal", "indicator", "title", "description", "baseline_year", "baseline_value",
        "target_year", "target_value", "target_growth_pct",
    ]

    /// The rules that need no database; the catalogue checks are `CommitmentService`'s.
    func problems() -> [FieldError] {
        var problems: [FieldError] = []
        func add(_ field: String, _ code: FieldErrorCode, _ message: String) {
            problems.append(.init(field: field, code: code, message: message))
        }
        if !(1...4).contains(goal) { add("goal", .unknownGoal, "must be a goal number from 1 to 4, not \(goal)") }
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || title.unicodeScalars.count > 300 { add("title", .invalidTitle, "must be 1 to 300 characters") }
        if (description ?? "").unicodeScalars.count > 10_000 { add("description", .tooLong, "must be at most 10000 characters") }
        for (field, year) in [("baseline_year", baselineYear), ("target_year", targetYear)] {
            if let year, !(2000...2100).contains(year) { add(field, .outOfRange, "must be a year from 2000 to 2100") }
        }
        if (baselineYear == nil) != (baselineValue == nil) {
            add("baseline_value", .incompleteBaseline, "a baseline needs both baseline_year and baseline_value")
        }
        if let value = baselineValue, value < 0 { add("baseline_value", .outOfRange, "must not be negative") }
        if let value = targetValue, value < 0 { add("target_value", .outOfRange, "must not be negative") }
        if targetValue != nil && targetGrowthPct != nil {
            add("target_growth_pct", .conflictingTarget, "give a target value or a yearly growth, not both")
        }
        if let growth = targetGrowthPct, growth < -100 || growth > 1000 {
            add("target_growth_pct", .outOfRange, "must be a percentage from -100 to 1000")
        }
        if let target = targetYear, let baseline = baselineYear, target < baseline {
            add("target_year", .beforeBaseline, "must not be before the baseline year")
        }
        return problems
    }
}
