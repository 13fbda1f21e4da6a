import Foundation

/// `asOf`, `updatedAfter` and `includeHistory` of a data query, read against the times
/// the releases became public (`ReleaseInfo.publicFrom`: an embargoed release counts
/// from its embargo's end, so a client polling with `updatedAfter` misses no revision).
struct SDMXTimeTravel: Sendable, Equatable {
    /// The figures as they were public at this time (now when nil).
    var asOf: Date?
    /// Only figures whose value or status changed in a release published after this time.
    var updatedAfter: Date?
    /// Every release's figures, not only each year's latest.
    var includeHistory = false

    /// Of the releases public at `asOf`, per year, those whose figures are served, each
    /// with the release its figures are compared with (nil: all its figures are served).
    func selection(of visible: [ReleaseInfo], now: Date) -> [(release: ReleaseInfo, base: ReleaseInfo?)] {
        let cutoff = min(asOf ?? now, now)
        let known = visible.filter { $0.publicFrom <= cutoff }
        var chosen: [(ReleaseInfo, ReleaseInfo?)] = []
        for (_, list) in Dictionary(grouping: known, by: \.year).sorted(by: { $0.key < $1.key }) {
            let ordered = list.sorted { $0.release < $1.release }
            let served = includeHistory ? ordered : Array(ordered.suffix(1))
            for (offset, release) in served.enumerated() {
                guard let updatedAfter else {
                    chosen.append((release, nil))
                    continue
                }
                guard release.publicFrom > updatedAfter else { continue }
                let base =
                    includeHistory
                    ? (offset > 0 ? served[offset - 1] : nil)
                    : ordered.last { $0.publicFrom <= updatedAfter }
                chosen.append((release, base))
            }
        }
        return chosen
    }
}
