import Foundation
import Logging

extension CommitmentService {
    /// Withdraws a commitment: it is kept and shown with `withdrawn_at` and the
    /// reason, audited, and left out of the summary's goal counts. A second
    /// withdrawal is 409 `commitment_withdrawn`, and changes nothing.
    func withdraw(
        country: String,
        id: Int64,
        reason: String?,
        actor: AuditActor,
        in outer: DatabaseSession? = nil,
        logger: Logger
    ) async throws -> Commitment {
        let reason = try ChangeReason.check(reason)
        let now = clock.now()
        return try await database.within(outer, logger: logger) { session in
            guard let current = try await commitments.select(country: country, id: id, forUpdate: true, in: session).first
            else { throw DomainError.unknownCommitment(id) }
            if current.withdrawnAt != nil { throw DomainError.withdrawnCommitment(id) }
            try await commitments.withdraw(id: id, reason: reason, at: now, in: session)
            let entry = AuditRecord(
                .commitmentWithdrawn,
                by: actor,
                country: country,
                entityID: String(id),
                reason: reason
            )
            try await audit.record(entry, at: now, in: session)
            guard let withdrawn = try await tracked(country: country, id: id, year: nil, in: session).first else { throw MissingRow() }
            return withdrawn
        }
    }
}
