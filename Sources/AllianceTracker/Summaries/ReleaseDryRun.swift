/// What a release would withhold if published now: each withheld figure by
/// indicator (target, goal), and how many there are of each reason.
struct ReleaseDryRun: Encodable, Sendable {
    struct ByReason: Encodable, Sendable {
        var smallCell = 0
        var differencing = 0
    }
    struct Item: Encodable, Sendable {
        var code: String
        var withheld: [WithheldFigure: WithheldReason]
    }

    var year: Int
    /// The number the release would take.
    var release: Int
    var withheldCount = ByReason()
    var indicators: [Item] = []
    var targets: [Item] = []
    /// The goals whose counts of commitments by status would be withheld, by number.
    var goals: [Item] = []

    init(year: Int, release: Int, disclosed view: Summary) {
        self.year = year
        self.release = release
        indicators = view.indicators.compactMap { i in i.withheld.flatMap { $0.isEmpty ? nil : Item(code: i.code, withheld: $0) } }
        targets = view.targets.compactMap { t in t.withheld.flatMap { $0.isEmpty ? nil : Item(code: t.id, withheld: $0) } }
        goals = view.goals.compactMap { g in g.withheld.flatMap { $0.isEmpty ? nil : Item(code: String(g.goal), withheld: $0) } }
        for reason in (indicators + targets + goals).flatMap(\.withheld.values) {
            switch reason {
            case .smallCell: withheldCount.smallCell += 1
            case .differencing: withheldCount.differencing += 1
            }
        }
    }
}
