import Foundation
import Logging

/// SDMX over the published releases: the structure (with the catalogue's indicators)
/// and the observations, drawn from the releases' frozen documents only.
struct SDMXService: Sendable {
    let releases: PublicReleases
    let catalogue: CatalogueService
    let clock: AppClock

    func structure(_ kind: SDMXStructureMessage.Kind, _ query: SDMXArtefactQuery, logger: Logger) async throws -> SDMXJSONValue {
        let codelists = SDMXStructure.codelists(indicators: try await catalogue.indicators(logger: logger))
        let artefacts = SDMXStructureMessage(kind: kind, codelists: codelists).artefacts(query)
        guard !artefacts.isEmpty else { throw Self.noArtefact(kind) }
        return SDMXStructureMessage.message(artefacts, id: UUID().uuidString, prepared: clock.now())
    }

    /// Per codelist, each code's name, for the SDMX-JSON data message.
    func codeNames(logger: Logger) async throws -> [String: [String: String]] {
        let lists = SDMXStructure.codelists(indicators: try await catalogue.indicators(logger: logger))
        return Dictionary(uniqueKeysWithValues: lists.map { list in (list.id, Dictionary(list.codes.map { ($0.id, $0.name) }) { a, _ in a }) })
    }

    func data(_ query: SDMXArtefactQuery, key: SDMXKey, travel: SDMXTimeTravel, logger: Logger) async throws -> [SDMXObservation] {
        guard query.matches(agency: SDMXStructure.agency, id: SDMXStructure.dataflow, version: SDMXStructure.version) else {
            throw Self.noArtefact(.dataflow)
        }
        var observations: [SDMXObservation] = []
        // with includeHistory a release is also the next one's base: decode each once
        var decoded: [String: [SDMXObservation]] = [:]
        func decode(_ info: ReleaseInfo) async throws -> [SDMXObservation] {
            let key = "\(info.year)/\(info.release)"
            if let known = decoded[key] { return known }
            let made = try await self.observations(info, logger: logger)
            decoded[key] = made
            return made
        }
        for (release, base) in travel.selection(of: try await releases.visibleNow(logger: logger), now: clock.now()) {
            let figures = try await decode(release).filter(key.matches)
            guard let base else {
                observations += figures
                continue
            }
            let before = try await decode(base)
            observations += figures.filter { figure in !before.contains { $0.sameFigure(as: figure) && $0.value == figure.value } }
        }
        guard !observations.isEmpty else { throw DomainError.notFound("No published observation matches the query.") }
        return observations
    }

    private func observations(_ info: ReleaseInfo, logger: Logger) async throws -> [SDMXObservation] {
        let figures = try SDMXPublishedFigures(try await releases.frozen(info, logger: logger))
        return SDMXObservation.all(in: figures, of: info)
    }

    static func noArtefact(_ kind: SDMXStructureMessage.Kind) -> DomainError {
        DomainError.notFound("No \(kind.rawValue) matches the agency, id and version asked for.")
    }
}
