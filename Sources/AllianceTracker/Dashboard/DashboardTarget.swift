import Foundation

/// Target OG1.1 on the dashboard: its like-for-like growth and the verdict; the
/// Alliance's level beside it; and INTERPOL's own cumulative milestones, whose
/// compound growth per year is labelled GLOBAL, not the Alliance's.
struct DashboardTarget {
    /// INTERPOL's running total of victims identified through the ICSE database.
    static let globalSeries = "icse_identified_victims_cumulative"

    let value: String
    let countries: Int
    /// The verdict's class, for colour: none when the target is neither met nor missed.
    let verdictClass: String?
    let verdict: String
    /// "4,560 victims identified since 2013 by the 12 countries that reported every year: +9.3 % this year".
    let level: String?
    let milestones: [String]
    let hasMilestones: Bool

    init(
        _ target: PublishedSummaryV1.Target,
        level: PublishedSummaryV1.Level?,
        levelWithheld: WithheldReason? = nil,
        global: ReferenceSeries.Series?
    ) {
        self.level = level.map { Self.level($0, withheld: levelWithheld) }
        milestones = Self.milestones(global?.observations ?? [])
        hasMilestones = !milestones.isEmpty
        let reason = target.withheld?[.value]
        value = reason.map(HTML.withheld) ?? HTML.percent(target.value.value)
        countries = target.countries
        switch target.met.value {
        case true?: (verdictClass, verdict) = ("met", "met")
        case false?: (verdictClass, verdict) = ("unmet", "not met")
        case nil: (verdictClass, verdict) = (nil, target.suppressed ? HTML.withheld(reason) : "not enough data to decide")
        }
    }

    private static func level(_ level: PublishedSummaryV1.Level, withheld: WithheldReason?) -> String {
        guard !level.suppressed else { return HTML.withheld(withheld) }
        // the public document carries the level's growth, not its sums (Disclosure)
        guard level.growthPct != nil, let year = level.baselineYear else { return "not enough data" }
        return "the victims identified since \(year) by the \(level.countries) countries that reported every year: "
            + "\(HTML.percent(level.growthPct)) this year"
    }

    /// Between each two milestones of different years: their compound growth per year.
    private static func milestones(_ observations: [ReferenceSeries.Observation]) -> [String] {
        zip(observations, observations.dropFirst()).compactMap { from, to in
            guard to.year > from.year, from.value > 0 else { return nil }
            let ratio = NSDecimalNumber(decimal: to.value / from.value).doubleValue
            let rate = (pow(ratio, 1 / Double(to.year - from.year)) - 1) * 100
            return "GLOBAL, all countries connected to ICSE: \(HTML.number(from.value)) (\(from.year)) to \(HTML.number(to.value)) "
                + "(\(to.year)): \(HTML.percent(Decimal(rate))) a year"
        }
    }
}
