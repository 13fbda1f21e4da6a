import Foundation

@testable import AllianceTracker

/// A random reporting history for the summary's oracle test, drawn from a seed: a few
/// countries over a few years, with the traps of the summary tests — missing, returned,
/// submitted and draft reports, amendments accepted and pending, countries joining and
/// leaving, zero and not-available values, an empty cycle before the first year, and
/// OG1.1's baseline year moved around the history.
struct RandomHistory {
    /// A report as `SummaryFixtures.report` writes it.
    struct Filing {
        var country: String
        var year: Int
        var status: String
        var submitted: String?
        var versions: [SummaryFixtures.Values]
        var accepted: Int?
    }

    /// What the seeded database offers: indicators by measure kind, the founders (members
    /// since 2012), and countries that were never members.
    struct Catalogue {
        var kinds: [(code: String, kind: MeasureKind)]
        var founders: [String]
        var outsiders: [String]

        init(kinds: [(code: String, kind: MeasureKind)], founders: [String], outsiders: [String]) {
            self.kinds = kinds
            self.founders = founders
            self.outsiders = outsiders
        }

        init(_ url: DatabaseURL) throws {
            kinds = try sql(url, "SELECT code, measure_kind FROM indicators ORDER BY code").map { ($0[0]!, MeasureKind(rawValue: $0[1]!)!) }
            founders = try sql(url, "SELECT DISTINCT country FROM memberships WHERE left_on IS NULL ORDER BY 1").map { $0[0]! }
            outsiders = try sql(
                url,
                "SELECT code FROM countries c WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.country = c.code) ORDER BY 1"
            ).map { $0[0]! }
        }
    }

    let seed: UInt64
    var years: ClosedRange<Int>
    var emptyCycleBefore: Bool
    /// OG1.1's baseline year, when moved from the seeded 2013.
    var og11Baseline: Int?
    var leaving: [(country: String, on: String)] = []
    var joining: [(country: String, on: String)] = []
    var filings: [Filing] = []

    /// The years with a cycle, the empty one included.
    var cycleYears: ClosedRange<Int> { (emptyCycleBefore ? years.lowerBound - 1 : years.lowerBound)...years.upperBound }

    init(seed: UInt64, _ catalogue: Catalogue) {
        self.seed = seed
        var g = SplitMix64(seed: seed)
        let first = Int.random(in: 2013...2015, using: &g)
        years = first...(first + Int.random(in: 2...5, using: &g))
        emptyCycleBefore = g.chance(0.5)
        og11Baseline = g.chance(0.5) ? Int.random(in: (first - 1)...years.upperBound, using: &g) : nil
        var indicators = Array(catalogue.kinds.shuffled(using: &g).prefix(Int.random(in: 3...5, using: &g)))
        if g.chance(0.6), let og11 = catalogue.kinds.first(where: { $0.code == SummaryTests.victims }),
            !indicators.contains(where: { $0.code == og11.code })
        {
            indicators[0] = og11
        }
        let outsiders = Array(catalogue.outsiders.shuffled(using: &g).prefix(Int.random(in: 0...2, using: &g)))
        let founders = Array(catalogue.founders.shuffled(using: &g).prefix(Int.random(in: 5...12, using: &g) - outsiders.count))
        for country in founders where g.chance(0.15) {
            leaving.append((country, Self.day(in: Int.random(in: years.lowerBound...(years.upperBound + 1), using: &g), &g)))
        }
        for country in outsiders {
            joining.append((country, Self.day(in: Int.random(in: (years.lowerBound - 1)...years.upperBound, using: &g), &g)))
        }
        var generator = HistoryFilings(g: g, indicators: indicators)
        for country in founders + outsiders {
            for year in years {
                let due = "\(year + 1)-03-31"
                let expected = isMember(country, on: due)
                let mayFile = expected || isMember(country, on: "\(year + 1)-06-30")
                guard mayFile, generator.g.chance(expected ? 0.85 : 0.5) else { continue }
                filings.append(generator.filing(country, year))
            }
        }
    }

    /// Whether `country` is a member on the ISO date `day`, by this history's joins and departures.
    func isMember(_ country: String, on day: String) -> Bool {
        if let joined = joining.first(where: { $0.country == country }) { return joined.on <= day }
        if let left = leaving.first(where: { $0.country == country }) { return day < left.on }
        return true
    }

    static func day(in year: Int, _ g: inout SplitMix64) -> String {
        String(format: "%04d-%02d-%02d", year, Int.random(in: 1...12, using: &g), Int.random(in: 1...28, using: &g))
    }

    /// Memberships first, then the cycles (which freeze their expected reporters), then the reports.
    func load(_ url: DatabaseURL) throws {
        for (country, day) in leaving {
            try sql(url, "UPDATE memberships SET left_on = $2::date WHERE country = $1 AND left_on IS NULL", [country, day])
        }
        for (country, day) in joining {
            try sql(url, "INSERT INTO memberships (country, joined_on) VALUES ($1, $2::date)", [country, day])
        }
        if let og11Baseline {
            try sql(url, "UPDATE targets SET baseline_year = $1::smallint WHERE id = 'OG1.1'", [String(og11Baseline)])
        }
        for year in cycleYears { try SummaryFixtures.cycle(url, year) }
        for f in filings {
            try SummaryFixtures.report(url, f.country, f.year, status: f.status, submitted: f.submitted, versions: f.versions, accepted: f.accepted)
        }
    }
}
