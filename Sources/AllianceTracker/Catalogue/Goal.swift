/// One of the four policy targets of the Declaration, with its operational goals.
struct Goal: Encodable, Sendable, Equatable {
    var id: Int
    var code: String
    var title: String
    var wording: String
    var confidence: String
    var source: String
    var operationalGoals: [OperationalGoal]

    struct OperationalGoal: Codable, Sendable, Equatable {
        var code: String
        var wording: String
        /// False for an unverified working label (reference confidence M).
        var confirmed: Bool
        var source: String?
    }
}
