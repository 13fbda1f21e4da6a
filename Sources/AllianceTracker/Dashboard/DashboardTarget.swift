/// Target OG1.1 on the dashboard: its like-for-like growth and the verdict.
struct DashboardTarget {
    let value: String
    let countries: Int
    /// The verdict's class, for colour: none when the target is neither met nor missed.
    let verdictClass: String?
    let verdict: String

    init(_ target: PublishedSummaryV1.Target) {
        value = HTML.percent(target.value.value)
        countries = target.countries
        switch target.met.value {
        case true?: (verdictClass, verdict) = ("met", "met")
        case false?: (verdictClass, verdict) = ("unmet", "not met")
        case nil: (verdictClass, verdict) = (nil, target.suppressed ? "withheld" : "not enough data to decide")
        }
    }
}
