import Foundation

/// A flow read as a level (OG1.1 as written: the victims identified so far): the
/// baseline year's figure plus every accepted yearly figure since, over the countries
/// with a number in every one of those years, so that a gap never reads as a fall.
/// `growthPct` is this year's growth of that level; the flow's own growth stays in `growth`.
struct CumulativeLevel: Codable, Sendable, Equatable {
    var baselineYear: Nullable<Int>
    var countries: Int
    /// The countries with a number every year from the baseline year to this one.
    var panel: [String]
    /// Their level at the end of last year, and of this year.
    var previous: Nullable<Decimal>
    var current: Nullable<Decimal>
    /// (current − previous) / previous × 100, unrounded; null without a panel or when previous is 0.
    var growthPct: Nullable<Decimal>
    var suppressed: Bool

    static let none = CumulativeLevel(
        baselineYear: nil,
        countries: 0,
        panel: [],
        previous: nil,
        current: nil,
        growthPct: nil,
        suppressed: false
    )
}

extension CumulativeLevel {
    enum CodingKeys: String, CodingKey {
        case baselineYear, countries, panel, previous, current, growthPct, suppressed
    }

    /// As synthesized, with the panel written code by code (`encodeCountryCodes`).
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(baselineYear, forKey: .baselineYear)
        try c.encode(countries, forKey: .countries)
        try c.encodeCountryCodes(panel, forKey: .panel)
        try c.encode(previous, forKey: .previous)
        try c.encode(current, forKey: .current)
        try c.encode(growthPct, forKey: .growthPct)
        try c.encode(suppressed, forKey: .suppressed)
    }
}
