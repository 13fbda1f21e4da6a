import Foundation
import Logging

/// The secretariat's changes to targets, each audited with the old and new state and
/// a reason, and a country's view of its targets (docs/statistics.md "Targets").
struct TargetService: Sendable {
    let database: Database
    let clock: AppClock
    let releases: PublicReleases
    let repository = TargetRepository()
    let catalogue = CatalogueRepository()
    let audit = AuditRepository()

    /// Adds a target (409 `already_exists` when its id is taken).
    func create(_ target: Target, reason: String?, actor: AuditActor, logger: Logger) async throws -> Target {
        let reason = try ChangeReason.check(reason)
        let now = clock.now()
        return try await database.within(nil, logger: logger) { session in
            try await check(target, in: session)
            guard try await repository.insert(target, in: session) else {
                throw DomainError(.alreadyExists, "There is already a target '\(target.id)'.")
            }
            let entry = AuditRecord(.targetCreated, by: actor, country: target.country, entityID: target.id, new: target.fields, reason: reason)
            try await audit.record(entry, at: now, in: session)
            return target
        }
    }

    /// Applies a JSON merge patch of every field but `id`, with `reason`.
    func update(_ id: String, patch: [String: JSONValue], actor: AuditActor, logger: Logger) async throws -> Target {
        let now = clock.now()
        return try await database.within(nil, logger: logger) { session in
            guard let current = try await repository.all(id: id, forUpdate: true, in: session).first else { throw DomainError.unknownTarget(id) }
            let reason = try ChangeReason.check(Self.text(patch["reason"]))
            var fields = current.fields
            for (key, value) in patch where key != "reason" {
                guard key != "id", fields[key] != nil else {
                    throw DomainError.invalid(key, .unknownField, key == "id" ? "cannot be changed" : "is not a field of a target")
                }
                fields[key] = value
            }
            let changed = try JSONCoding.decoder.decode(Target.self, from: Data(JSONValue.object(fields).text.utf8))
            try await check(changed, in: session)
            if changed != current {
                try await repository.update(changed, in: session)
                let entry = AuditRecord(
                    .targetChanged,
                    by: actor,
                    country: changed.country ?? current.country,
                    entityID: id,
                    old: current.fields,
                    new: changed.fields,
                    reason: reason
                )
                try await audit.record(entry, at: now, in: session)
            }
            return changed
        }
    }

    /// A country's own targets judged live on `year`, and the alliance-wide ones as
    /// the latest public release of `year` judged them (none before one is public).
    func countryView(_ country: String, year: Int, logger: Logger) async throws -> CountryTargets {
        let judged = try await database.read(logger: logger) { try await repository.judged(year, country: country, on: $0) }
        let own = judged.map { TargetEvaluation.country($0.0, $0.1) }
        guard let latest = try await releases.latestByYear(logger: logger).first(where: { $0.year == year }) else {
            return CountryTargets(country: country, year: year, targets: own, alliance: .init(release: nil, targets: []))
        }
        let document = try await releases.frozen(latest, logger: logger)
        let published = try JSONCoding.plainDecoder.decode(CountryTargets.Published.self, from: Data(document.json.utf8))
        return CountryTargets(
            country: country,
            year: year,
            targets: own,
            alliance: .init(release: Nullable(latest.release), targets: published.targets)
        )
    }

    private static func text(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }

    /// The rules that need the catalogue: the indicator, its kind against `change` and
    /// `basis`, the operational goal and the country exist.
    private func check(_ target: Target, in session: DatabaseSession) async throws {
        var problems = target.problems()
        let kind = try await catalogue.indicatorKinds(in: session)[target.indicator]
        if kind == nil {
            problems.append(.init(field: "indicator", code: .unknownIndicator, message: "there is no indicator '\(target.indicator)'"))
        }
        if target.rule.isGrowth, target.change == .percent, kind?.changesInPoints == true {
            problems.append(.init(field: "change", code: .invalidChange, message: "growth of a ratio or boolean is in points: change must be points"))
        }
        if target.basis == .cumulativeLevel, let kind, kind != .flow {
            problems.append(
                .init(field: "basis", code: .invalidBasis, message: "only a flow is read as a level: cumulative_level needs a flow indicator")
            )
        }
        if let goal = target.operationalGoal, try await catalogue.goal(ofOperationalGoal: goal, in: session) == nil {
            problems.append(.init(field: "operational_goal", code: .unknownOperationalGoal, message: "there is no operational goal '\(goal)'"))
        }
        if let country = target.country, Country.isCode(country), try await !catalogue.countryExists(country, in: session) {
            problems.append(.init(field: "country", code: .unknownCountry, message: "there is no country '\(country)'"))
        }
        if !problems.isEmpty { throw DomainError.invalid(problems) }
    }
}

/// `GET /v1/countries/{cc}/targets`: the country's own targets, live, and the
/// alliance-wide ones from the latest public release of the year.
struct CountryTargets: Codable, Sendable {
    struct Alliance: Codable, Sendable {
        var release: Nullable<Int>
        var targets: [JSONValue]
    }
    struct Published: Decodable { var targets: [JSONValue] }

    var country: String
    var year: Int
    var targets: [TargetResult]
    var alliance: Alliance
}

extension DomainError {
    static func unknownTarget(_ id: String) -> DomainError {
        DomainError(.unknownTarget, "There is no target '\(id)'.")
    }
}
