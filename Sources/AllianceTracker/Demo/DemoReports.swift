import Foundation

/// Made-up but plausible report values for one country and year. Each country has
/// a size; each indicator a trend; each year some noise.
enum DemoReports {
    static let firstYear = 2013

    struct Value {
        let indicator: String
        let value: Decimal?
        let notAvailable: String?
    }

    static func values(country: String, year: Int, correction: Bool = false) -> [Value] {
        var size = DemoRandom(country, "size")
        let scale = size.between(0.2, 4.0)
        let adoption = (law: Int(size.between(0, 4)), unit: Int(size.between(0, 7)), strategy: Int(size.between(2, 10)))
        var random = DemoRandom(country, String(year), correction ? "corrected" : "first")
        let t = Double(year - firstYear)
        func noise() -> Double { random.between(0.85, 1.15) }
        func count(_ x: Double) -> Decimal { Decimal(Int(max(0, x).rounded())) }
        func pct(_ x: Double) -> Decimal { Decimal(string: String(format: "%.1f", min(100, max(0, x))))! }
        func flag(_ on: Bool) -> Decimal { on ? 1 : 0 }
        let victims = 15 * scale * pow(1.11, t) * noise()
        let offenders = 40 * scale * pow(1.06, t) * noise()
        let figures: [(String, Decimal)] = [
            ("icse_victims_identified", count(victims)),
            ("victims_referred_to_support", count(victims * random.between(0.5, 0.9))),
            ("victims_supported_within_30_days_pct", pct(40 + 3 * t + random.between(-8, 8))),
            ("criminal_law_framework_in_place", flag(Int(t) >= adoption.law)),
            ("offenders_identified", count(offenders)),
            ("offenders_convicted", count(offenders * random.between(0.2, 0.4))),
            ("dedicated_le_unit", flag(Int(t) >= adoption.unit)),
            ("specialised_investigators", count(5 * scale * pow(1.05, t))),
            ("awareness_campaigns", count(random.between(0, 6))),
            ("schools_online_safety_pct", pct(20 + 4 * t + random.between(-6, 6))),
            ("national_awareness_strategy", flag(Int(t) >= adoption.strategy)),
            ("hotline_reports_confirmed", count(300 * scale * pow(1.15, t) * noise())),
            ("hash_database_images", count(2000 * scale * pow(1.2, t))),
            ("notice_takedown_median_days", Decimal(string: String(format: "%.1f", max(0.5, 6 * pow(0.92, t) * noise())))!),
            ("removed_within_3_days_pct", pct(50 + 3 * t + random.between(-7, 7))),
        ]
        return figures.map { indicator, value in
            random.chance(0.04)
                ? Value(indicator: indicator, value: nil, notAvailable: "not collected this year (demo data)")
                : Value(indicator: indicator, value: value, notAvailable: nil)
        }
    }
}
