import Foundation
import Logging

/// Opening and closing membership periods. A country is a member on day d when
/// `joined_on ≤ d < left_on`; one country's periods never overlap. Every change
/// recomputes, in its transaction, the expected reporters of the cycles not yet open.
extension MemberService {
    /// Records a period from `joinedOn`: open, or closed on `leftOn` when a past period
    /// is recorded (409 `overlapping_membership` when it meets another).
    public func join(
        country code: String,
        joinedOn: String?,
        leftOn: String? = nil,
        reason: String?,
        actor: AuditActor,
        in outer: DatabaseSession? = nil,
        logger: Logger
    ) async throws -> MembershipPeriod {
        let now = clock.now()
        return try await database.within(outer, logger: logger) { session in
            guard Country.isCode(code), try await repository.lock(code, in: session) != nil else { throw DomainError.unknownCountry(code) }
            let reason = try ChangeReason.check(reason)
            let joined = try MembershipDay.check(joinedOn, field: "joined_on")
            let left = try leftOn.map { try MembershipDay.check($0, field: "left_on") }
            if let left, left <= joined { throw DomainError.leftBeforeJoining(left, joined) }
            let periods = try await repository.memberships(code, in: session)
            if let clash = periods.first(where: { $0.overlaps(from: joined, until: left) }) { throw DomainError.overlaps(clash) }
            let period = try await repository.insertMembership(code, joinedOn: joined, leftOn: left, in: session)
            try await expectedReporters.recomputeExpected(in: session)
            let entry = AuditRecord(.membershipJoined, by: actor, country: code, entityID: String(period.id), new: period.auditState, reason: reason)
            try await audit.record(entry, at: now, in: session)
            return period
        }
    }

    /// Sets the leaving date of period `id`, or of the open period when `id` is nil
    /// (`alliance country leave`).
    public func end(
        country code: String,
        id: Int64?,
        leftOn: String?,
        reason: String?,
        actor: AuditActor,
        in outer: DatabaseSession? = nil,
        logger: Logger
    ) async throws -> MembershipPeriod {
        let now = clock.now()
        return try await database.within(outer, logger: logger) { session in
            guard Country.isCode(code), try await repository.lock(code, in: session) != nil else { throw DomainError.unknownCountry(code) }
            let periods = try await repository.memberships(code, in: session)
            let found = id.map { id in periods.first { $0.id == id } } ?? periods.first { $0.left == nil }
            guard let period = found else { throw id.map(DomainError.unknownMembership) ?? DomainError.noOpenMembership(code) }
            let reason = try ChangeReason.check(reason)
            let left = try MembershipDay.check(leftOn, field: "left_on")
            guard left > period.joinedOn else { throw DomainError.leftBeforeJoining(left, period.joinedOn) }
            if left == period.left { return period }
            if let clash = periods.first(where: { $0.id != period.id && $0.overlaps(from: period.joinedOn, until: left) }) {
                throw DomainError.overlaps(clash)
            }
            try await repository.setLeftOn(period.id, left, in: session)
            try await expectedReporters.recomputeExpected(in: session)
            let changed = MembershipPeriod(id: period.id, joinedOn: period.joinedOn, leftOn: left)
            let entry = AuditRecord(
                .membershipChanged,
                by: actor,
                country: code,
                entityID: String(period.id),
                old: period.auditState,
                new: changed.auditState,
                reason: reason
            )
            try await audit.record(entry, at: now, in: session)
            return changed
        }
    }
}
