import Foundation

/// A frozen release's public document in format 1, as the public views built from
/// releases read it (the series, the overview, the dashboard). Its own type, not
/// `Summary`, so that a change to the live summary cannot make a release unreadable.
/// Only the fields those views use are decoded.
struct PublishedSummaryV1: Decodable, Sendable {
    struct Completeness: Decodable, Sendable {
        struct Rate: Decodable, Sendable { var pct: Decimal? }
        var expected: Int
        var submitted: Int
        var accepted: Int
        var onTime: Int
        var onTimeRate: Rate
    }

    struct Indicator: Decodable, Sendable {
        struct Growth: Decodable, Sendable {
            /// `changePp` is an optional addition to format 1: releases frozen before it lack it.
            struct Figure: Decodable, Sendable {
                var pct: Decimal?
                var changePp: Decimal?
                var previous: Decimal?
                var current: Decimal?

                /// The change in points, for proportions: a release frozen before
                /// `changePp` existed gives it as current − previous.
                var points: Decimal? { changePp ?? previous.flatMap { previous in current.map { $0 - previous } } }
            }
            var likeForLike: Figure
        }
        var code: String
        var measureKind: MeasureKind
        var headline: Decimal?
        var countriesReporting: Int
        var growth: Growth
        var suppressed: Bool
        /// Flows, in releases published since it existed: the flow read as a level.
        var level: Level?
        /// An optional addition to format 1 (sql/0018): each withheld figure and why.
        var withheld: [WithheldFigure: WithheldReason]?

        /// Why a figure is withheld; a release frozen before `withheld` existed said
        /// only `suppressed`, which then concerned the headline figures.
        func reason(_ figure: WithheldFigure) -> WithheldReason? { withheld?[figure] }
        var headlineWithheld: Bool { withheld.map { $0[.headline] != nil } ?? suppressed }
        /// The withheld figures a series point or an overview headline shows.
        var shownWithheld: [WithheldFigure: WithheldReason]? {
            withheld?.filter { [.headline, .growthLikeForLike].contains($0.key) }
        }
    }

    struct Level: Decodable, Sendable {
        var baselineYear: Int?
        var countries: Int
        var current: Decimal?
        var growthPct: Decimal?
        var suppressed: Bool
    }

    /// Served again as it is in the overview.
    struct Target: Codable, Sendable {
        var id: String
        var indicator: String
        var rule: TargetRule
        var basis: TargetBasis
        var threshold: Nullable<Decimal>
        var value: Nullable<Decimal>
        var met: Nullable<Bool>
        var countries: Int
        var suppressed: Bool
        /// Releases since sql/0018: `{"value": reason}` when the value is withheld.
        var withheld: [WithheldFigure: WithheldReason]?
    }

    struct Goal: Decodable, Sendable {
        var goal: Int
        var countriesReportingActions: Int
    }

    var year: Int
    var release: Int
    var publishedAt: Date
    var demo: Bool
    var completeness: Completeness
    var indicators: [Indicator]
    var targets: [Target]
    var goals: [Goal]
}
