import Foundation
import Logging

/// The secretariat's lists of cycles and lock exceptions, and revoking an exception.
extension CycleService {
    /// Every cycle, with its dates and its completeness counted as the summary counts it.
    func list(logger: Logger) async throws -> [CycleCompleteness] {
        try await database.read(logger: logger) { try await SummaryRepository().completenessByYear(on: $0) }
    }

    /// Every lock exception of the year, revoked ones included.
    func exceptions(_ year: Int, logger: Logger) async throws -> [LockException] {
        try await database.read(logger: logger) { session in
            guard try await cycles.cycle(year, in: session) != nil else { throw DomainError.unknownCycle(year) }
            return try await cycles.exceptions(year, in: session)
        }
    }

    /// Revokes the year's exception `id` from now on, keeping it, with a reason. An
    /// exception already revoked is answered as it stands, and nothing changes.
    func revokeException(_ year: Int, id: Int64, reason: String?, actor: AuditActor, logger: Logger) async throws -> LockException {
        let now = clock.now()
        return try await database.transaction(logger: logger) { session in
            guard try await cycles.cycle(year, in: session) != nil else { throw DomainError.unknownCycle(year) }
            guard var exception = try await cycles.lockException(year, id: id, in: session) else {
                throw DomainError.unknownException(year: year)
            }
            try ChangeReason.check(reason)
            if exception.revokedAt.value != nil { return exception }
            try await cycles.revokeException(id, by: actor, at: now, in: session)
            exception.revokedAt = Nullable(now)
            let entry = AuditRecord(
                .exceptionRevoked,
                by: actor,
                country: exception.country,
                year: year,
                entityID: String(id),
                old: ["revoked_at": .null],
                new: ["revoked_at": .string(ISO8601DateFormatter().string(from: now))],
                reason: reason
            )
            try await audit.record(entry, at: now, in: session)
            return exception
        }
    }
}

extension DomainError {
    static func unknownException(year: Int) -> DomainError {
        DomainError(.unknownException, "There is no such lock exception for \(year).")
    }
}
