import Foundation
import Logging

/// Countries' commitments: created, listed, read and changed; every change audited.
struct CommitmentService: Sendable {
    let database: Database
    let clock: AppClock
    let commitments = CommitmentRepository()
    let catalogue = CatalogueRepository()
    let audit = AuditRepository()

    /// The country's commitments (or the one with `id`), each with its progress in
    /// `year`, the latest cycle's by default.
    func list(country: String, id: Int64? = nil, year: Int?, logger: Logger) async throws -> [Commitment] {
        try await database.read(logger: logger) { try await tracked(country: country, id: id, year: year, in: $0) }
    }

    func tracked(country: String, id: Int64?, year: Int?, in session: DatabaseSession) async throws -> [Commitment] {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = .gmt
        let fallback = utc.component(.year, from: clock.now())
        let latestCycle = year == nil ? try await commitments.latestCycleYear(in: session) : nil
        let year = year ?? latestCycle ?? fallback
        let latest = try await commitments.latestValues(country: country, upTo: year, in: session)
        return try await commitments.select(country: country, id: id, in: session).map { found in
            var commitment = found
            commitment.progress = CommitmentTracking.standing(found.row, latest: latest[found.id], year: year)
            return commitment
        }
    }

    func commitment(country: String, id: Int64, year: Int?, logger: Logger) async throws -> Commitment {
        guard let found = try await list(country: country, id: id, year: year, logger: logger).first else {
            throw DomainError.unknownCommitment(id)
        }
        return found
    }

    func create(
        country: String,
        _ input: CommitmentInput,
        actor: AuditActor,
        in outer: DatabaseSession? = nil,
        logger: Logger
    ) async throws -> Commitment {
        let now = clock.now()
        return try await database.within(outer, logger: logger) { session in
            try await validate(input, in: session)
            let id = try await commitments.insert(country: country, input, at: now, in: session)
            guard let created = try await tracked(country: country, id: id, year: nil, in: session).first else { throw MissingRow() }
            let entry = AuditRecord(
                .commitmentCreated,
                by: actor,
                country: country,
                entityID: String(id),
                new: Self.auditState(created.input)
            )
            try await audit.record(entry, at: now, in: session)
            return created
        }
    }

    /// Applies a JSON merge patch (RFC 7396): a field given replaces, `null` clears.
    func update(
        country: String,
        id: Int64,
        patch: [String: JSONValue],
        expecting: ExpectedVersion,
        actor: AuditActor,
        in outer: DatabaseSession? = nil,
        logger: Logger
    ) async throws -> Commitment {
        if let unknown = patch.keys.sorted().first(where: { !CommitmentInput.fields.contains($0) }) {
            throw DomainError.invalid(unknown, .unknownField, "is not a field of a commitment")
        }
        let now = clock.now()
        return try await database.within(outer, logger: logger) { session in
            guard let current = try await commitments.select(country: country, id: id, forUpdate: true, in: session).first
            else { throw DomainError.unknownCommitment(id) }
            if current.withdrawnAt != nil { throw DomainError.withdrawnCommitment(id) }
            try expecting.check(commitment: current)
            let input = try Self.merge(current.input, patch)
            if input == current.input { return try await tracked(country: country, id: id, year: nil, in: session).first ?? current }
            try await validate(input, in: session)
            try await commitments.update(id: id, input, at: now, in: session)
            let entry = AuditRecord(
                .commitmentChanged,
                by: actor,
                country: country,
                entityID: String(id),
                old: Self.auditState(current.input),
                new: Self.auditState(input)
            )
            try await audit.record(entry, at: now, in: session)
            guard let updated = try await tracked(country: country, id: id, year: nil, in: session).first else { throw MissingRow() }
            return updated
        }
    }

    private static func merge(_ input: CommitmentInput, _ patch: [String: JSONValue]) throws -> CommitmentInput {
        guard case .object(var fields) = try JSONCoding.plainDecoder.decode(JSONValue.self, from: JSONCoding.encoder.encode(input))
        else { throw MissingRow() }
        for (key, value) in patch {
            fields[key] = value == .null ? nil : value
        }
        return try JSONCoding.decoder.decode(CommitmentInput.self, from: JSONCoding.encoder.encode(JSONValue.object(fields)))
    }

    /// The input's own rules, then the catalogue's: the operational goal and the
    /// indicator must exist and belong to the goal.
    private func validate(_ input: CommitmentInput, in session: DatabaseSession) async throws {
        var problems = input.problems()
        if let og = input.operationalGoal {
            let goal = try await catalogue.goal(ofOperationalGoal: og, in: session)
            if goal == nil {
                problems.append(.init(field: "operational_goal", code: .unknownOperationalGoal, message: "there is no operational goal '\(og)'"))
            } else if goal != input.goal {
                problems.append(.init(field: "operational_goal", code: .goalMismatch, message: "'\(og)' is not under goal \(input.goal)"))
            }
        }
        if let indicator = input.indicator {
            let goal = try await catalogue.goal(ofIndicator: indicator, in: session)
            if goal == nil {
                problems.append(.init(field: "indicator", code: .unknownIndicator, message: "there is no indicator '\(indicator)'"))
            } else if goal != input.goal {
                problems.append(.init(field: "indicator", code: .goalMismatch, message: "'\(indicator)' is not under goal \(input.goal)"))
            }
        }
        if !problems.isEmpty { throw DomainError.invalid(problems) }
    }

    private static func auditState(_ input: CommitmentInput) -> [String: JSONValue] {
        guard let data = try? JSONCoding.encoder.encode(input),
            case .object(let fields)? = try? JSONCoding.plainDecoder.decode(JSONValue.self, from: data)
        else { return [:] }
        return fields
    }
}

extension DomainError {
    static func unknownCommitment(_ id: Int64) -> DomainError {
        DomainError(.unknownCommitment, "There is no commitment \(id) here.")
    }

    static func withdrawnCommitment(_ id: Int64) -> DomainError {
        DomainError(.commitmentWithdrawn, "Commitment \(id) was withdrawn: it is kept as it was and can no longer change.")
    }
}
