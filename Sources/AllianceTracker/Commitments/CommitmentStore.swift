import Foundation
import Logging
import PostgresNIO

/// Countries' commitments: created, listed, read and changed; every change audited.
struct CommitmentStore: Sendable {
    let database: Database

    private static let columns: PostgresQuery = """
        SELECT id, country::text, goal, operational_goal, indicator, title, description, baseline_year, baseline_value,
               target_year, target_value, target_growth_pct, created_at, updated_at FROM commitments
        """

    func list(country: String, logger: Logger) async throws -> [Commitment] {
        try await database.withConnection { connection in
            try await Self.select(on: connection, logger: logger, country: country, id: nil)
        }
    }

    func get(country: String, id: Int64, logger: Logger) async throws -> Commitment? {
        try await database.withConnection { connection in
            try await Self.select(on: connection, logger: logger, country: country, id: id).first
        }
    }

    private static func select(
        on connection: PostgresConnection, logger: Logger, country: String, id: Int64?, forUpdate: Bool = false
    ) async throws -> [Commitment] {
        var query = columns
        query.sql += " WHERE country = $1 AND ($2::bigint IS NULL OR id = $2) ORDER BY id" + (forUpdate ? " FOR UPDATE" : "")
        query.binds.append(country, context: .default)
        query.binds.append(id, context: .default)
        return try await connection.query(query, logger: logger).collect().map(Self.decode)
    }

    private static func decode(_ row: PostgresRow) throws -> Commitment {
        let (id, country, goal, og, indicator, title, description, baselineYear, baselineValue,
             targetYear, targetValue, growth, created, updated) = try row.decode(
            (Int64, String, Int, String?, String?, String, String, Int?, Decimal?, Int?, Decimal?, Decimal?, Date, Date).self)
        return Commitment(id: id, country: country, goal: goal, operationalGoal: og, indicator: indicator, title: title,
                          description: description, baselineYear: baselineYear, baselineValue: baselineValue,
                          targetYear: targetYear, targetValue: targetValue, targetGrowthPct: growth,
                          createdAt: created, updatedAt: updated)
    }

    static func create(
        country: String, _ input: CommitmentInput, actor: AuditActor, on connection: PostgresConnection, logger: Logger
    ) async throws -> Commitment {
        try await validate(input, on: connection, logger: logger)
        let rows = try await connection.query("""
            INSERT INTO commitments (country, goal, operational_goal, indicator, title, description, baseline_year,
                                     baseline_value, target_year, target_value, target_growth_pct)
            VALUES (\(country), \(Int16(input.goal)), \(input.operationalGoal), \(input.indicator), \(input.title),
                    \(input.description ?? ""), \(input.baselineYear.map(Int16.init)), \(input.baselineValue),
                    \(input.targetYear.map(Int16.init)), \(input.targetValue), \(input.targetGrowthPct))
            RETURNING id
            """, logger: logger).collect()
        let id = try rows[0].decode(Int64.self)
        guard let commitment = try await select(on: connection, logger: logger, country: country, id: id).first else {
            throw MissingRow()
        }
        try await AuditLog.record(on: connection, logger: logger, actor: actor, action: "commitment.created",
                                  country: country, year: nil, entity: "commitment", entityID: String(id),
                                  new: auditState(commitment.input))
        return commitment
    }

    /// Applies a JSON merge patch (RFC 7396): a field given replaces, `null` clears.
    func update(
        country: String, id: Int64, patch: [String: JSONValue], actor: AuditActor, logger: Logger
    ) async throws -> Commitment {
        if let unknown = patch.keys.sorted().first(where: { !CommitmentInput.fields.contains($0) }) {
            throw DomainError.invalid(unknown, .unknownField, "is not a field of a commitment")
        }
        return try await database.connectionTransaction(logger: logger) { connection in
            guard let current = try await Self.select(on: connection, logger: logger, country: country, id: id, forUpdate: true).first
            else { throw DomainError.unknownCommitment(id) }
            let input = try Self.merge(current.input, patch)
            if input == current.input { return current }
            try await Self.validate(input, on: connection, logger: logger)
            _ = try await connection.query("""
                UPDATE commitments SET goal = \(Int16(input.goal)), operational_goal = \(input.operationalGoal),
                    indicator = \(input.indicator), title = \(input.title), description = \(input.description ?? ""),
                    baseline_year = \(input.baselineYear.map(Int16.init)), baseline_value = \(input.baselineValue),
                    target_year = \(input.targetYear.map(Int16.init)), target_value = \(input.targetValue),
                    target_growth_pct = \(input.targetGrowthPct), updated_at = now()
                WHERE id = \(id)
                """, logger: logger)
            try await AuditLog.record(on: connection, logger: logger, actor: actor, action: "commitment.changed",
                                      country: country, year: nil, entity: "commitment", entityID: String(id),
                                      old: Self.auditState(current.input), new: Self.auditState(input))
            return try await Self.select(on: connection, logger: logger, country: country, id: id)[0]
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
    private static func validate(_ input: CommitmentInput, on connection: PostgresConnection, logger: Logger) async throws {
        var problems = input.problems()
        if let og = input.operationalGoal {
            let goal = try await connection.query("SELECT goal FROM operational_goals WHERE code = \(og)", logger: logger)
                .collect().first.map { try $0.decode(Int.self) }
            if goal == nil {
                problems.append(.init(field: "operational_goal", code: .unknownOperationalGoal, message: "there is no operational goal '\(og)'"))
            } else if goal != input.goal {
                problems.append(.init(field: "operational_goal", code: .goalMismatch, message: "'\(og)' is not under goal \(input.goal)"))
            }
        }
        if let indicator = input.indicator {
            let goal = try await connection.query("SELECT goal FROM indicators WHERE code = \(indicator)", logger: logger)
                .collect().first.map { try $0.decode(Int.self) }
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
}
