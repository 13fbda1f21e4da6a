/// A public figure of an indicator that disclosure control can withhold, named as it
/// is in `withheld` (snake_case in JSON: `share_pct`, `growth_like_for_like`, …).
enum WithheldFigure: String, Codable, CodingKeyRepresentable, CaseIterable, Sendable, Comparable {
    case headline, total, mean, median, sharePct, previous
    case growthAllReporters, growthLikeForLike, sinceBaseline, level
    /// A target's value (and verdict), in a target's `withheld`.
    case value
    /// A goal's counts of commitments by status, in a goal's `withheld`.
    case onTrack, offTrack, achieved, noData

    /// As the public JSON and CSV name it.
    var name: String {
        switch self {
        case .headline: "headline"
        case .total: "total"
        case .mean: "mean"
        case .median: "median"
        case .sharePct: "share_pct"
        case .previous: "previous"
        case .growthAllReporters: "growth_all_reporters"
        case .growthLikeForLike: "growth_like_for_like"
        case .sinceBaseline: "since_baseline"
        case .level: "level"
        case .value: "value"
        case .onTrack: "on_track"
        case .offTrack: "off_track"
        case .achieved: "achieved"
        case .noData: "no_data"
        }
    }

    /// For a CSV field: `headline:differencing;growth_like_for_like:small_cell`, empty when none.
    static func list(_ withheld: [WithheldFigure: WithheldReason]?) -> String {
        (withheld ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key.name):\($0.value.rawValue)" }.joined(separator: ";")
    }

    static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }
}

/// Why a public figure is withheld (docs/statistics.md "Disclosure control").
enum WithheldReason: String, Codable, CaseIterable, Sendable {
    /// From 1 to k−1 countries.
    case smallCell = "small_cell"
    /// Set against a public figure of the same quantity whose countries differ by
    /// 1 to k−1, it would give those countries' figure by difference.
    case differencing
}
