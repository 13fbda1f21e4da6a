/// The sums each public figure of an indicator depends on: its quantity (the
/// indicator, a data year) over its contributor set. Empty when a sum has no
/// country (the figure then has no value to withhold).
struct IndicatorSums: Sendable {
    var headline: [ReleaseFigure] = []
    var previous: [ReleaseFigure] = []
    var allReporters: [ReleaseFigure] = []
    var likeForLike: [ReleaseFigure] = []
    var sinceBaseline: [ReleaseFigure] = []
    var level: [ReleaseFigure] = []

    init(_ indicator: IndicatorSummary, year: Int, sets: ContributorSets) {
        let code = indicator.code
        func sums(_ parts: [(year: Int, countries: Set<String>)]) -> [ReleaseFigure] {
            guard !parts.isEmpty, parts.allSatisfy({ !$0.countries.isEmpty }) else { return [] }
            return parts.map { part in
                let quantity = Quantity(indicator: code, year: part.year)
                return ReleaseFigure(quantity, sets.contributors(part.countries, of: quantity))
            }
        }
        let current = sets.countries(code, year)
        let previous = sets.countries(code, year - 1)
        let panel = current.intersection(previous)
        headline = sums([(year, current)])
        self.previous = sums([(year - 1, previous)])
        allReporters = sums([(year, current), (year - 1, previous)])
        likeForLike = sums([(year, panel), (year - 1, panel)])
        let since = indicator.sinceBaseline
        if let base = since.baselineYear.value, let countries = since.panel {
            sinceBaseline = sums([(base, Set(countries)), (year, Set(countries))])
        }
        if let level = indicator.level, let base = level.baselineYear.value, base <= year {
            self.level = sums((base...year).map { ($0, Set(level.panel)) })
        }
    }
}

extension IndicatorSums {
    /// The sums a figure is made of (a target's value is made of its basis's figure).
    func of(_ figure: WithheldFigure) -> [ReleaseFigure] {
        switch figure {
        case .headline, .total, .mean, .median, .sharePct: headline
        case .previous: previous
        case .growthAllReporters: allReporters
        case .growthLikeForLike: likeForLike
        case .sinceBaseline: sinceBaseline
        case .level: level
        case .value, .onTrack, .offTrack, .achieved, .noData: []
        }
    }
}
