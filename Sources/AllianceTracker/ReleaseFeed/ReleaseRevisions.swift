import Foundation

/// What a release revised: each figure of its frozen document whose public state
/// differs from the release it follows (the latest public one of its year before
/// it), drawn from the two documents as SDMX flattens them. A figure withheld in
/// one of the two is listed as withheld, with no value from either: only figures
/// that are themselves public are ever shown. A figure withheld in both says
/// nothing public changed, and is not listed.
enum ReleaseRevisions {
    static func compare(previous: [SDMXObservation], current: [SDMXObservation]) -> [RevisedIndicator] {
        let before = Dictionary(previous.map { (Key($0), $0) }) { first, _ in first }
        let after = Dictionary(current.map { (Key($0), $0) }) { first, _ in first }
        // in the current document's order, then what only the previous one had
        let keys = current.map(Key.init) + previous.map(Key.init).filter { after[$0] == nil }
        var revised: [RevisedIndicator] = []
        for key in keys {
            guard let figure = revision(before[key], after[key], statistic: key.statistic) else { continue }
            if revised.last?.indicator == key.indicator {
                revised[revised.count - 1].figures.append(figure)
            } else if let index = revised.firstIndex(where: { $0.indicator == key.indicator }) {
                revised[index].figures.append(figure)
            } else {
                revised.append(RevisedIndicator(indicator: key.indicator, figures: [figure]))
            }
        }
        return revised
    }

    private static func revision(_ before: SDMXObservation?, _ after: SDMXObservation?, statistic: SDMXStatistic) -> RevisedFigure? {
        let withheldBefore = before?.confidential ?? false
        let withheldAfter = after?.confidential ?? false
        if withheldBefore || withheldAfter {
            return withheldBefore && withheldAfter ? nil : RevisedFigure(statistic: statistic, withheld: true, previous: nil, current: nil)
        }
        guard before?.value != after?.value else { return nil }
        return RevisedFigure(statistic: statistic, withheld: false, previous: before?.value, current: after?.value)
    }

    private struct Key: Hashable {
        let indicator: String
        let statistic: SDMXStatistic
        init(_ observation: SDMXObservation) { (indicator, statistic) = (observation.indicator, observation.statistic) }
    }
}

/// An indicator a release revised, with the figures that changed.
struct RevisedIndicator: Encodable, Sendable, Equatable {
    var indicator: String
    var figures: [RevisedFigure]
}

/// A figure a release revised: both values when both are public (`null` when the
/// figure was absent from one), no value at all when it is withheld in either.
struct RevisedFigure: Encodable, Sendable, Equatable {
    var statistic: SDMXStatistic
    var withheld: Bool
    var previous: Decimal?
    var current: Decimal?

    private enum CodingKeys: String, CodingKey {
        case statistic, withheld, previous, current
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(statistic.rawValue, forKey: .statistic)
        try container.encode(withheld, forKey: .withheld)
        guard !withheld else { return }
        try container.encode(Nullable(previous), forKey: .previous)
        try container.encode(Nullable(current), forKey: .current)
    }
}
