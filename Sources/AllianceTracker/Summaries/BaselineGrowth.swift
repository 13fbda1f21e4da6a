import Foundation

/// The multi-year view: from the target's baseline year, or the first year with
/// accepted data, like for like. Flows, stocks and durations: compound annual growth;
/// ratios and booleans: the change in points.
struct BaselineGrowth: Codable, Sendable, Equatable {
    var baselineYear: Nullable<Int>
    var countries: Int
    /// The countries with an accepted value in both years, by code. This and the
    /// other optional members are absent only from summaries stored before them.
    var panel: [String]?
    var baseline: Nullable<Decimal>
    var current: Nullable<Decimal>
    var cagrPct: Nullable<Decimal>
    var changePp: Nullable<Decimal>?
    /// Why the figure is null, when it is (not when it is withheld).
    var reason: Nullable<FigureReason>?
    var suppressed: Bool

    static let none = BaselineGrowth(
        baselineYear: nil,
        countries: 0,
        panel: [],
        baseline: nil,
        current: nil,
        cagrPct: nil,
        changePp: Nullable(nil),
        reason: Nullable(.noBaselineData),
        suppressed: false
    )
}

extension BaselineGrowth {
    /// As synthesized, but the members added later stay absent when absent and null
    /// when null, so that a stored summary decodes and encodes back to the same JSON.
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        baselineYear = try c.decode(Nullable<Int>.self, forKey: .baselineYear)
        countries = try c.decode(Int.self, forKey: .countries)
        panel = try c.decodeIfPresent([String].self, forKey: .panel)
        baseline = try c.decode(Nullable<Decimal>.self, forKey: .baseline)
        current = try c.decode(Nullable<Decimal>.self, forKey: .current)
        cagrPct = try c.decode(Nullable<Decimal>.self, forKey: .cagrPct)
        changePp = try c.member(.changePp)
        reason = try c.member(.reason)
        suppressed = try c.decode(Bool.self, forKey: .suppressed)
    }
}

extension BaselineGrowth {
    enum CodingKeys: String, CodingKey {
        case baselineYear, countries, panel, baseline, current, cagrPct, changePp, reason, suppressed
    }

    /// As synthesized, with the panel written code by code (`encodeCountryCodes`).
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(baselineYear, forKey: .baselineYear)
        try c.encode(countries, forKey: .countries)
        try c.encodeCountryCodes(panel, forKey: .panel)
        try c.encode(baseline, forKey: .baseline)
        try c.encode(current, forKey: .current)
        try c.encode(cagrPct, forKey: .cagrPct)
        try c.encodeIfPresent(changePp, forKey: .changePp)
        try c.encodeIfPresent(reason, forKey: .reason)
        try c.encode(suppressed, forKey: .suppressed)
    }
}
