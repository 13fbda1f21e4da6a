import Foundation
import Logging

/// A cycle's expected reporters (docs/rules.md §1): while today (UTC) is before the
/// cycle opens, the members on its due date, recomputed on every membership change and
/// every PUT of the cycle; at any time the secretariat's explicit additions and
/// removals, each with a reason and audited, which every recompute keeps.
struct ExpectedReporterService: Sendable {
    let database: Database
    let clock: AppClock
    let expected = ExpectedReporterRepository()
    let cycles = CycleRepository()
    let catalogue = CatalogueRepository()
    let audit = AuditRepository()

    /// Recomputes the list of every cycle that opens after today, inside `session`.
    /// Call it after every change to the memberships, in the same transaction.
    func recomputeExpected(in session: DatabaseSession) async throws {
        try await expected.recompute(year: nil, before: clock.today(), at: clock.now(), in: session)
    }

    /// Recomputes one year's list whatever the date: at its creation, or on a PUT
    /// made before it opened.
    func recomputeExpected(year: Int, in session: DatabaseSession) async throws {
        try await expected.recompute(year: year, before: nil, at: clock.now(), in: session)
    }

    /// Throws `unknown_cycle` unless the year has a cycle.
    func requireCycle(_ year: Int, logger: Logger) async throws {
        guard try await database.read(logger: logger, { try await cycles.cycle(year, in: $0) != nil }) else { throw DomainError.unknownCycle(year) }
    }

    func list(_ year: Int, logger: Logger) async throws -> ExpectedReporters {
        try await database.read(logger: logger) { session in
            guard try await cycles.cycle(year, in: session) != nil else { throw DomainError.unknownCycle(year) }
            return ExpectedReporters(
                year: year,
                expected: try await expected.entries(year, in: session),
                removed: try await expected.removals(year, in: session)
            )
        }
    }

    /// Adds a country to the year's list, with a reason; one already on it is refused.
    func add(
        _ year: Int,
        _ input: ExpectedReporterInput,
        actor: AuditActor,
        in outer: DatabaseSession? = nil,
        logger: Logger
    ) async throws -> ExpectedReporter {
        let now = clock.now()
        return try await database.within(outer, logger: logger) { session in
            guard try await cycles.lock(year, in: session) else { throw DomainError.unknownCycle(year) }
            var problems: [FieldError] = []
            let known = try await Country.isCode(input.country) ? catalogue.countryExists(input.country, in: session) : false
            if !known {
                problems.append(.init(field: "country", code: .unknownCountry, message: "there is no country '\(input.country)'"))
            }
            if input.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || input.reason.unicodeScalars.count > 2000 {
                problems.append(.init(field: "reason", code: .missingReason, message: "must say why, in 1 to 2000 characters"))
            }
            if !problems.isEmpty { throw DomainError.invalid(problems) }
            if let entry = try await expected.entry(year, country: input.country, in: session) {
                throw DomainError(
                    .alreadyExpected,
                    "\(input.country) is already expected to report for \(year) (source: \(entry.source.rawValue))."
                )
            }
            let added = try await expected.add(year, input, by: actor, at: now, in: session)
            let entry = AuditRecord(
                .expectedAdded,
                by: actor,
                country: input.country,
                year: year,
                entityID: input.country,
                new: ["source": .string(ExpectedSource.explicit.rawValue)],
                reason: input.reason
            )
            try await audit.record(entry, at: now, in: session)
            return added
        }
    }

    /// Takes a country off the year's list, with a reason, before or after the cycle opens.
    func remove(_ year: Int, country: String, reason: String?, actor: AuditActor, logger: Logger) async throws -> ExpectedRemoval {
        let now = clock.now()
        return try await database.transaction(logger: logger) { session in
            guard try await cycles.lock(year, in: session) else { throw DomainError.unknownCycle(year) }
            let reason = try ChangeReason.check(reason)
            guard Country.isCode(country), let entry = try await expected.entry(year, country: country, in: session) else {
                throw DomainError(.unknownExpectedReporter, "\(country) is not among the expected reporters for \(year).")
            }
            let removed = try await expected.remove(year, country: country, reason: reason, by: actor, at: now, in: session)
            let record = AuditRecord(
                .expectedRemoved,
                by: actor,
                country: country,
                year: year,
                entityID: country,
                old: ["source": .string(entry.source.rawValue), "reason": entry.reason.value.map(JSONValue.string) ?? .null],
                reason: reason
            )
            try await audit.record(record, at: now, in: session)
            return removed
        }
    }
}
