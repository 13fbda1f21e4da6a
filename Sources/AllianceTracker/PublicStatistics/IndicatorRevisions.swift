import Foundation

/// One indicator's headline figure in every public release of each year, and how
/// much the latest release revised the first (docs/open-data.md "Revision history").
/// Only public figures: a withheld one is null with its reason, and a revision is
/// given only when both of its ends are public.
struct IndicatorRevisions: Encodable, Sendable {
    struct Figure: Encodable, Sendable, Equatable {
        var release: Int
        var publishedAt: Date
        var value: Nullable<Decimal>
        var withheld: Bool
        /// Why, in releases published since sql/0018; null before.
        var withheldReason: Nullable<WithheldReason>
    }

    struct Revision: Encodable, Sendable, Equatable {
        /// Counts and times: latest − first, in the indicator's unit.
        var change: Nullable<Decimal>?
        /// Counts and times: the change in per cent of the first; null when the first is zero.
        var changePct: Nullable<Decimal>?
        /// Ratios and booleans: latest − first, in percentage points.
        var changePp: Nullable<Decimal>?
        /// Why there is no revision: an end of it is withheld.
        var missing: Nullable<RevisionGap>
    }

    struct Year: Encodable, Sendable {
        var year: Int
        var releases: [Figure]
        var first: Figure
        var latest: Figure
        var revision: Revision
    }

    var indicator: String
    var measureKind: MeasureKind
    var unit: String
    var demo: Bool
    var years: [Year]
}

/// Why a revision is not given: it would need a withheld figure.
enum RevisionGap: String, Codable, Sendable {
    case firstWithheld = "first_withheld"
    case latestWithheld = "latest_withheld"
    case bothWithheld = "both_withheld"
}
