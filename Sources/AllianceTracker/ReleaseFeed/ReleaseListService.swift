import Foundation
import Logging

/// The list of releases and what each revised, from the releases' frozen documents
/// only (`PublicReleases`): nothing of an embargoed release but its year and time.
struct ReleaseListService: Sendable {
    let releases: PublicReleases
    let citation: Citation

    /// Every release known at one instant, and a name for it that changes when a
    /// release is published or an embargo ends ("2024.1v,2024.2e"): a body rendered
    /// from a snapshot is right for as long as its name is unchanged.
    struct Snapshot: Sendable {
        let list: [ReleaseInfo]
        let now: Date

        var signature: String {
            list.map { "\($0.year).\($0.release)\($0.visible(at: now) ? "v" : "e")" }.joined(separator: ",")
        }

        /// The latest public release of each year: what the list as a whole is cited by.
        var latestPublicByYear: [ReleaseInfo] {
            ReleaseIndex.latestByYear(list.filter { $0.visible(at: now) })
        }
    }

    func snapshot(logger: Logger) async throws -> Snapshot {
        let now = releases.clock.now()
        return Snapshot(list: try await releases.listNow(logger: logger), now: now)
    }

    func listing(_ snapshot: Snapshot, logger: Logger) async throws -> ReleaseListing {
        var entries: [ReleaseListing.Entry] = []
        for info in snapshot.list {
            guard info.visible(at: snapshot.now) else {
                entries.append(.announced(info))
                continue
            }
            // the latest public release of the year before it: an embargoed one is never compared with
            let previous = snapshot.list.last { $0.year == info.year && $0.release < info.release && $0.visible(at: snapshot.now) }
            var revised: [RevisedIndicator] = []
            if let previous {
                revised = ReleaseRevisions.compare(
                    previous: try await observations(previous, logger: logger),
                    current: try await observations(info, logger: logger)
                )
            }
            entries.append(.published(info, revises: previous?.release, revised: revised, citeAs: citation.citeAs(citation.reference(info))))
        }
        return ReleaseListing(releases: entries)
    }

    private func observations(_ info: ReleaseInfo, logger: Logger) async throws -> [SDMXObservation] {
        SDMXObservation.all(in: try SDMXPublishedFigures(try await releases.frozen(info, logger: logger)), of: info)
    }
}
