import Foundation

@testable import AllianceTracker

/// Draws one country's report for a year: its stage, its versions and their values.
struct HistoryFilings {
    var g: SplitMix64
    let indicators: [(code: String, kind: MeasureKind)]

    mutating func filing(_ country: String, _ year: Int) -> RandomHistory.Filing {
        var versions = [values()]
        let stage = Int.random(in: 0..<100, using: &g)
        let submitted = g.chance(0.15) ? "\(year + 1)-03-31T23:30:00Z" : RandomHistory.day(in: year + 1, &g) + "T10:00:00Z"
        // amendments: later versions change some values of the one before
        func amend() { for _ in 0..<Int.random(in: 1...2, using: &g) { versions.append(changed(versions[versions.count - 1])) } }
        switch stage {
        case 0..<40:
            return .init(country: country, year: year, status: "accepted", submitted: submitted, versions: versions, accepted: 1)
        case 40..<55:  // an amendment accepted: the newest version counts
            amend()
            return .init(country: country, year: year, status: "accepted", submitted: submitted, versions: versions, accepted: versions.count)
        case 55..<70:  // an amendment pending: the version accepted before it goes on counting
            amend()
            let status = g.pick(["draft", "submitted"])
            return .init(country: country, year: year, status: status, submitted: submitted, versions: versions, accepted: 1)
        case 70..<75:  // an amendment returned: the earlier acceptance still counts
            amend()
            return .init(country: country, year: year, status: "returned", submitted: submitted, versions: versions, accepted: 1)
        case 75..<85:  // returned, never accepted
            return .init(country: country, year: year, status: "returned", submitted: submitted, versions: versions, accepted: nil)
        case 85..<95:  // submitted, awaiting review
            if g.chance(0.5) { amend() }
            return .init(country: country, year: year, status: "submitted", submitted: submitted, versions: versions, accepted: nil)
        default:  // a draft never submitted
            return .init(country: country, year: year, status: "draft", submitted: nil, versions: versions, accepted: nil)
        }
    }

    /// Each indicator: absent, not available, zero, or a number fitting its kind.
    mutating func values() -> SummaryFixtures.Values {
        var values: SummaryFixtures.Values = [:]
        for (code, kind) in indicators {
            let draw = Int.random(in: 0..<100, using: &g)
            if draw < 8 { continue }
            values[code] = draw < 18 ? String?.none : draw < 28 ? "0" : value(kind)
        }
        return values
    }

    mutating func changed(_ values: SummaryFixtures.Values) -> SummaryFixtures.Values {
        var next = values
        for (code, kind) in indicators where g.chance(0.5) {
            next[code] = g.chance(0.15) ? String?.none : value(kind)
        }
        return next
    }

    mutating func value(_ kind: MeasureKind) -> String {
        switch kind {
        case .flow, .stock: String(Int.random(in: 1...400, using: &g))
        case .ratio: String(format: "%.1f", Double(Int.random(in: 0...1000, using: &g)) / 10)
        case .duration: String(format: "%.1f", Double(Int.random(in: 1...300, using: &g)) / 10)
        case .boolean: g.pick(["0", "1"])
        }
    }
}
