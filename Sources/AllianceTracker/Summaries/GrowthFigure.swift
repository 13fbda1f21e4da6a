import Foundation

struct GrowthFigure: Codable, Sendable, Equatable {
    /// (current − previous) / previous × 100, unrounded; null without a previous figure or when it is 0,
    /// and always null for ratios and booleans, which change in points.
    var pct: Nullable<Decimal>
    /// Ratios and booleans only: current − previous, in percentage points. Absent
    /// (not null) only in a summary stored before it existed, which reads as it did.
    var changePp: Nullable<Decimal>?
    var countries: Int
    var previousCountries: Int
    var previous: Nullable<Decimal>
    var current: Nullable<Decimal>
    var suppressed: Bool
}

extension GrowthFigure {
    /// As synthesized, but `change_pp` absent stays absent and null stays null, so
    /// that a stored summary decodes and encodes back to the same JSON.
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        pct = try c.decode(Nullable<Decimal>.self, forKey: .pct)
        changePp = try c.member(.changePp)
        countries = try c.decode(Int.self, forKey: .countries)
        previousCountries = try c.decode(Int.self, forKey: .previousCountries)
        previous = try c.decode(Nullable<Decimal>.self, forKey: .previous)
        current = try c.decode(Nullable<Decimal>.self, forKey: .current)
        suppressed = try c.decode(Bool.self, forKey: .suppressed)
    }
}

extension KeyedDecodingContainer {
    /// A member added to a stored format later: nil when absent, `Nullable(nil)` when null.
    func member<T>(_ key: Key) throws -> Nullable<T>? {
        contains(key) ? try decode(Nullable<T>.self, forKey: key) : nil
    }
}
