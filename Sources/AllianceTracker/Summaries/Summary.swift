import Foundation

/// A year's annual summary (docs/rules.md §4), computed from accepted report versions only.
struct Summary: Codable, Sendable, Equatable {
    var year: Int
    /// The release it was published as; null for the live figures.
    var release: Nullable<Int>
    var publishedAt: Nullable<Date>
    var computedAt: Date
    /// True when made-up demonstration reports went into it.
    var demo: Bool
    var completeness: Completeness
    var indicators: [IndicatorSummary]
    var targets: [TargetResult]
    var goals: [GoalSummary]
    /// Each country against its own commitments: for the secretariat only, since
    /// each line is one country's figure.
    var commitmentProgress: [CommitmentProgress]?
    /// Public view only: the newest visible release of the year, and whether this
    /// one has been revised by a later release.
    var latestRelease: Int? = nil
    var revisedSince: Bool? = nil
}

struct Rate: Codable, Sendable, Equatable {
    var pct: Nullable<Decimal>
    var numerator: Int
    var denominator: Int

    init(_ numerator: Int, of denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
        pct = Nullable(denominator == 0 ? nil : Decimal(numerator) / Decimal(denominator) * 100)
    }
}

struct Completeness: Codable, Sendable, Equatable {
    /// Members on the cycle's due date, frozen when the cycle opened.
    var expected: Int
    /// Of those, how many submitted, were accepted, and submitted by the due date.
    var submitted: Int
    var accepted: Int
    var onTime: Int
    var submissionRate: Rate
    var acceptanceRate: Rate
    var onTimeRate: Rate
}

struct IndicatorSummary: Codable, Sendable, Equatable {
    var code: String
    var goal: Int
    var unit: String
    var measureKind: MeasureKind
    /// Countries whose accepted report gives a number (a not-available value is not one).
    var countriesReporting: Int
    var notAvailable: Int
    /// The figure the measure kind calls for: the total of flows and stocks, the
    /// mean of ratios, the median of durations, the share answering yes.
    var headline: Nullable<Decimal>
    var total: Nullable<Decimal>
    var mean: Nullable<Decimal>
    var median: Nullable<Decimal>
    var min: Nullable<Decimal>
    var max: Nullable<Decimal>
    var sharePct: Nullable<Decimal>
    /// Last year's headline figure, from last year's reporters.
    var previous: Nullable<Decimal>
    var previousCountries: Int
    var growth: Growth
    var sinceBaseline: BaselineGrowth
    /// Flows only: the flow read as a level since the baseline year (OG1.1 as written).
    /// Absent for other kinds, and from summaries stored before it existed.
    var level: CumulativeLevel? = nil
    /// Public view: true when any figure of the indicator is withheld.
    var suppressed: Bool
    /// Public view, in releases since sql/0018: each withheld figure and why. Absent
    /// from the live summary and from releases frozen before it.
    var withheld: [WithheldFigure: WithheldReason]? = nil
}

struct Growth: Codable, Sendable, Equatable {
    /// This year's reporters against last year's.
    var allReporters: GrowthFigure
    /// Only the countries that reported both years.
    var likeForLike: GrowthFigure
}

struct GoalSummary: Codable, Sendable, Equatable {
    var goal: Int
    var title: String
    var countriesReportingActions: Int
    var commitments: Int
    /// Withheld publicly when the goal has fewer commitments than the threshold:
    /// each is one country's.
    var onTrack: Nullable<Int>
    var offTrack: Nullable<Int>
    /// Absent from summaries stored before commitments could be achieved (they decode
    /// and freeze as they were).
    var achieved: Nullable<Int>?
    var noData: Nullable<Int>
    /// Public view, in releases since sql/0021: each withheld count and why. Absent
    /// from the live figures and from earlier releases.
    var withheld: [WithheldFigure: WithheldReason]? = nil
}

struct CommitmentProgress: Codable, Sendable, Equatable {
    var id: Int64
    var country: String
    var goal: Int
    var indicator: String?
    var title: String
    /// The latest accepted value up to the year, and its year.
    var current: Nullable<Decimal>
    /// Absent from summaries stored before it was given.
    var currentYear: Nullable<Int>?
    /// Where the commitment's path from baseline to target stands this year.
    var expected: Nullable<Decimal>
    var status: CommitmentStatus
}
