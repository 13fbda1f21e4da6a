/// The SQL that picks a measure kind's headline figure, written from
/// `MeasureKind.headline` so that the rule lives in one place.
enum HeadlineSQL {
    /// `CASE i.measure_kind WHEN 'flow' THEN f.total … END`, over the columns of
    /// `table` named `prefix` + the statistic's column. Built from constants only.
    static func headline(_ prefix: String, of table: String = "f") -> String {
        let branches = MeasureKind.allCases.map { kind in
            "WHEN '\(kind.rawValue)' THEN \(table).\(prefix)\(column(kind.headline))"
        }
        return "CASE i.measure_kind \(branches.joined(separator: " ")) END"
    }

    /// The column that holds a statistic in the summary's figures.
    static func column(_ statistic: Statistic) -> String {
        switch statistic {
        case .total: "total"
        case .mean: "mean"
        case .median: "median"
        case .min: "low"
        case .max: "high"
        case .share: "share"
        }
    }
}
