/// One goal on the dashboard: the headline figures of its indicators, in a table.
struct DashboardGoal {
    struct Row {
        let name: String
        let code: String
        let figure: String
        let unit: String
        let countries: Int
        let growth: String
    }

    let id: Int
    let title: String
    let rows: [Row]
    let hasRows: Bool
    let caption: String
    /// "12 countries reported actions taken.", or empty when the summary has no such figure.
    let actions: String

    init(_ goal: Goal, indicators: [Indicator], summary: PublishedSummaryV1, year: Int, source: String) {
        id = goal.id
        title = goal.title
        rows = indicators.filter { $0.goal == goal.id && $0.headline }.compactMap { indicator in
            summary.indicators.first { $0.code == indicator.code }.map { figure in
                Row(
                    name: indicator.name,
                    code: indicator.code,
                    figure: figure.headlineWithheld
                        ? HTML.withheld(figure.reason(.headline)) : HTML.figure(figure.headline, kind: figure.measureKind),
                    unit: Self.unit(indicator),
                    countries: figure.countriesReporting,
                    growth: Self.change(figure)
                )
            }
        }
        hasRows = !rows.isEmpty
        caption = "Headline figures, \(year) (\(source))"
        actions = summary.goals.first { $0.goal == goal.id }.map { "\($0.countriesReportingActions) countries reported actions taken." } ?? ""
    }

    /// Like for like: points for proportions (a release frozen before `change_pp`
    /// gives them as current − previous), percent growth for counts and times.
    static func change(_ figure: PublishedSummaryV1.Indicator) -> String {
        let lfl = figure.growth.likeForLike
        if let reason = figure.reason(.growthLikeForLike) { return HTML.withheld(reason) }
        guard figure.measureKind.changesInPoints else { return HTML.percent(lfl.pct) }
        return HTML.points(lfl.points)
    }

    private static func unit(_ indicator: Indicator) -> String {
        switch indicator.measureKind {
        case .ratio, .boolean: "%"
        case .flow, .stock, .duration: indicator.unit
        }
    }
}
