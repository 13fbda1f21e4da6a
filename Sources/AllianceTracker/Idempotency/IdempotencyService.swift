import Foundation
import Logging

/// `Idempotency-Key` for POSTs that create things (docs/rules.md §2): a retry with
/// the same key and body returns the first answer and creates nothing; the same key
/// with another body is refused. The creating service call runs inside the same
/// transaction as the stored answer, so that one never stands without the other.
/// A key lives `keyLifetime` from its first use: reused later, it creates anew.
struct IdempotencyService: Sendable {
    let database: Database
    let clock: AppClock
    let repository = IdempotencyRepository()

    /// How long a stored answer is replayed (docs/rules.md §2).
    static let keyLifetime: TimeInterval = 24 * 60 * 60

    /// Keys used at or before this have expired.
    private func expiry(now: Date) -> Date { now.addingTimeInterval(-Self.keyLifetime) }

    /// Deletes the expired keys (`IdempotencySweeper`); returns how many.
    func sweep(logger: Logger) async throws -> Int {
        let expiry = expiry(now: clock.now())
        return try await database.transaction(logger: logger) { session in
            try await repository.deleteExpired(expiry: expiry, in: session)
        }
    }

    /// Runs `create` at most once per (token, key); returns its outcome, or the
    /// stored one (`replayed`) for a retry.
    func perform(
        _ request: IdempotentRequest?,
        logger: Logger,
        create: @escaping @Sendable (DatabaseSession) async throws -> IdempotentOutcome
    ) async throws -> (outcome: IdempotentOutcome, replayed: Bool) {
        guard let request else { return (try await database.transaction(logger: logger, create), false) }
        let now = clock.now()
        let expiry = expiry(now: now)
        do {
            return try await database.transaction(logger: logger) { session in
                if let stored = try await repository.stored(token: request.token, key: request.key, after: expiry, in: session) {
                    return (try Self.replay(stored, for: request), true)
                }
                let outcome = try await create(session)
                // a request with the same key committed first: undo ours, answer with its result
                guard try await repository.store(outcome, for: request, at: now, expiry: expiry, in: session) else { throw LostRace() }
                return (outcome, false)
            }
        } catch is LostRace {
            let stored = try await database.read(logger: logger) { session in
                try await repository.stored(token: request.token, key: request.key, after: expiry, in: session)
            }
            guard let stored else { throw MissingRow() }
            return (try Self.replay(stored, for: request), true)
        }
    }

    private struct LostRace: Error {}

    private static func replay(_ stored: IdempotentOutcome.Stored, for request: IdempotentRequest) throws -> IdempotentOutcome {
        guard stored.fingerprint == request.fingerprint else {
            throw DomainError(
                .idempotencyKeyReused,
                "This Idempotency-Key was used with another request; use a new key for a new request."
            )
        }
        return stored.outcome
    }
}
