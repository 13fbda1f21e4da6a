import PostgresNIO

/// How an indicator is measured, which decides how it aggregates (docs/rules.md §1, §4).
/// Decoded from the database with a loud failure on a value not listed here.
enum MeasureKind: String, DatabaseEnum {
    /// A count over the year: identified victims, convicted offenders.
    case flow
    /// A count at the year's end: specialised investigators.
    case stock
    /// A percentage, 0 to 100.
    case ratio
    /// A time, in the indicator's unit: a median takedown time.
    case duration
    /// Yes or no: a law in force.
    case boolean

    /// The one statistic a summary headlines for this kind. Defined here only: the
    /// summary's SQL is written from it.
    var headline: Statistic {
        switch self {
        case .flow, .stock: .total
        case .ratio: .mean
        case .duration: .median
        case .boolean: .share
        }
    }

    /// Whether a change of this kind is told in percentage points (a proportion:
    /// 64.9 → 67.5 is +2.6 points) rather than as relative or compound growth.
    var changesInPoints: Bool {
        switch self {
        case .flow, .stock, .duration: false
        case .ratio, .boolean: true
        }
    }

    /// The statistics that mean something for this kind; others are left out.
    var statistics: Set<Statistic> {
        switch self {
        case .flow, .stock: [.total, .mean, .median, .min, .max]
        case .ratio: [.mean, .median, .min, .max]
        case .duration: [.median, .min, .max]
        case .boolean: [.share]
        }
    }
}

/// A figure computed over the countries reporting an indicator.
enum Statistic: String, CaseIterable, Codable, Sendable {
    case total
    case mean
    case median
    case min
    case max
    /// The percentage of countries answering yes.
    case share
}
