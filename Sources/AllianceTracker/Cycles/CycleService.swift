import Foundation
import Logging

/// Reporting cycles: read by anyone, set by the secretariat, with lock exceptions;
/// and the window rule every report change passes.
struct CycleService: Sendable {
    let database: Database
    let clock: AppClock
    let cycles = CycleRepository()
    let catalogue = CatalogueRepository()
    let audit = AuditRepository()
    var expectedReporters: ExpectedReporterService { ExpectedReporterService(database: database, clock: clock) }

    func cycle(_ year: Int, logger: Logger) async throws -> Cycle {
        let cycle = try await database.read(logger: logger) { try await cycles.cycle(year, in: $0) }
        guard let cycle else { throw DomainError.unknownCycle(year) }
        return cycle
    }

    /// The year's cycle inside `session`, or nil when there is none.
    func existingCycle(_ year: Int, in session: DatabaseSession) async throws -> Cycle? {
        try await cycles.cycle(year, in: session)
    }

    /// Creates or changes a cycle; returns it and whether it was created. At creation,
    /// and on a change while the cycle is not yet open (today, UTC, before the stored
    /// `opens_on` or the new one), its expected reporters are recomputed: the members on
    /// the due date, with the explicit additions and removals kept. A PUT of a cycle
    /// that was open and stays open leaves them.
    func put(
        _ year: Int,
        _ input: CycleInput,
        actor: AuditActor,
        in outer: DatabaseSession? = nil,
        logger: Logger
    ) async throws -> (Cycle, created: Bool) {
        try input.validate()
        let now = clock.now()
        let today = AppClock.dayFormatter.string(from: now)
        return try await database.within(outer, logger: logger) { session in
            try await checkIndicators(input.requiredIndicators, in: session)
            let exists = try await cycles.lock(year, in: session)
            let old = try await cycles.cycle(year, in: session)
            if exists {
                try await cycles.update(year, input, at: now, in: session)
            } else {
                try await cycles.create(year, input, at: now, in: session)
            }
            try await cycles.setRequired(year, input.requiredIndicators, in: session)
            // not yet open before this change or after it: a PUT that opens the cycle
            // (or puts its opening back into the future) leaves the list as members make it
            if old.map({ today < max($0.opensOn, input.opensOn) }) ?? true {
                try await expectedReporters.recomputeExpected(year: year, in: session)
            }
            guard let cycle = try await cycles.cycle(year, in: session) else { throw MissingRow() }
            let entry = AuditRecord(
                old == nil ? .cycleCreated : .cycleChanged,
                by: actor,
                year: year,
                entityID: String(year),
                old: old.map(Self.auditState),
                new: Self.auditState(cycle)
            )
            try await audit.record(entry, at: now, in: session)
            return (cycle, old == nil)
        }
    }

    /// Grants one country the right to change a locked year's report until a time.
    func grantException(
        _ year: Int,
        _ input: LockExceptionInput,
        actor: AuditActor,
        in outer: DatabaseSession? = nil,
        logger: Logger
    ) async throws -> LockException {
        let now = clock.now()
        return try await database.within(outer, logger: logger) { session in
            guard try await cycles.cycle(year, in: session) != nil else { throw DomainError.unknownCycle(year) }
            var problems: [FieldError] = []
            if input.until <= now {
                problems.append(.init(field: "until", code: .notInFuture, message: "must be a time in the future"))
            }
            if input.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || input.reason.unicodeScalars.count > 2000 {
                problems.append(.init(field: "reason", code: .missingReason, message: "must say why, in 1 to 2000 characters"))
            }
            if try await !cycles.isExpected(input.country, year: year, in: session) {
                problems.append(
                    .init(
                        field: "country",
                        code: .notExpected,
                        message: "'\(input.country)' is not expected to report for \(year)"
                    )
                )
            }
            if !problems.isEmpty { throw DomainError.invalid(problems) }
            let granted = try await cycles.insertException(year, input, by: actor, at: now, in: session)
            let entry = AuditRecord(
                .exceptionGranted,
                by: actor,
                country: input.country,
                year: year,
                entityID: String(granted.id),
                new: ["until": .string(ISO8601DateFormatter().string(from: input.until))],
                reason: input.reason
            )
            try await audit.record(entry, at: now, in: session)
            return granted
        }
    }

    /// Whether `actor` may change `country`'s report for `year` now (`CycleWindow`).
    func checkWindow(year: Int, country: String, actor: AuditActor, in session: DatabaseSession) async throws {
        let now = clock.now()
        guard let window = try await cycles.window(year, country: country, at: now, in: session) else {
            throw DomainError.unknownCycle(year)
        }
        try window.check(today: AppClock.dayFormatter.string(from: now), role: actor.role)
    }

    private func checkIndicators(_ codes: [String]?, in session: DatabaseSession) async throws {
        guard let codes, !codes.isEmpty else { return }
        let known = try await catalogue.knownIndicators(codes, in: session)
        let problems = codes.enumerated().filter { !known.contains($0.element) }.map { index, code in
            FieldError(field: "required_indicators[\(index)]", code: .unknownIndicator, message: "there is no indicator '\(code)'")
        }
        if !problems.isEmpty { throw DomainError.invalid(problems) }
    }

    private static func auditState(_ cycle: Cycle) -> [String: JSONValue] {
        [
            "opens_on": .string(cycle.opensOn), "due_on": .string(cycle.dueOn), "locks_on": .string(cycle.locksOn),
            "required_indicators": .array(cycle.requiredIndicators.map { .string($0) }),
        ]
    }
}

extension DomainError {
    static func unknownCycle(_ year: Int) -> DomainError {
        DomainError(.unknownCycle, "There is no reporting cycle for \(year); the secretariat opens one with PUT /v1/cycles/\(year).")
    }
}
