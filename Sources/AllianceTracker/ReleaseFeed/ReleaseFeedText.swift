import Foundation

/// The words of a public release's feed entry: its title, and its note with what it revised.
enum ReleaseFeedText {
    static func title(_ entry: ReleaseListing.Entry) -> String {
        let demo = entry.demo == true ? " (demonstration data)" : ""
        return "\(entry.year) release \(entry.release ?? 0)\(demo)"
    }

    static func summary(_ entry: ReleaseListing.Entry) -> String {
        var lines: [String] = []
        if let note = entry.note?.value { lines.append(note) }
        lines.append(revisions(entry))
        if let citeAs = entry.citeAs { lines.append("Cite as: \(citeAs)") }
        return lines.joined(separator: "\n")
    }

    static func revisions(_ entry: ReleaseListing.Entry) -> String {
        guard let previous = entry.revises?.value else { return "The first release of \(entry.year)." }
        let revised = entry.revised ?? []
        guard !revised.isEmpty else { return "Revises release \(previous): no public figure changed." }
        let indicators = revised.map { indicator in
            "\(indicator.indicator) (" + indicator.figures.map(figure).joined(separator: "; ") + ")"
        }
        return "Revises release \(previous): " + indicators.joined(separator: ", ") + "."
    }

    private static func figure(_ figure: RevisedFigure) -> String {
        guard !figure.withheld else { return "\(figure.statistic.rawValue) withheld" }
        return "\(figure.statistic.rawValue) \(number(figure.previous)) → \(number(figure.current))"
    }

    private static func number(_ value: Decimal?) -> String { value.map { "\($0)" } ?? "none" }
}
