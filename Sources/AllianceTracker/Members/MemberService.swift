import Foundation
import Logging

/// The secretariat's changes to the members of the Alliance: countries and their
/// membership periods. Every change is audited with the old and new state and a
/// required reason. Each membership change (`join`, `end`) owns its transaction, in
/// which the expected reporters of every cycle not yet open are recomputed.
public struct MemberService: Sendable {
    let database: Database
    let clock: AppClock
    let repository = MemberRepository()
    let catalogue = CatalogueRepository()
    let audit = AuditRepository()
    var expectedReporters: ExpectedReporterService { ExpectedReporterService(database: database, clock: clock) }

    public init(database: Database, clock: AppClock = .system) {
        self.database = database
        self.clock = clock
    }

    /// Adds a country (409 `already_exists` when its code or name is taken).
    public func addCountry(
        _ input: CountryInput,
        reason: String?,
        actor: AuditActor,
        in outer: DatabaseSession? = nil,
        logger: Logger
    ) async throws -> Country {
        let problems = input.problems()
        if !problems.isEmpty { throw DomainError.invalid(problems) }
        let reason = try ChangeReason.check(reason)
        let now = clock.now()
        let today = clock.today()
        return try await database.within(outer, logger: logger) { session in
            if try await repository.nameTaken(input.name, except: input.code, in: session) { throw DomainError.nameTaken(input.name) }
            guard try await repository.insert(input, in: session) else { throw DomainError.countryExists(input.code) }
            let entry = AuditRecord(
                .countryCreated,
                by: actor,
                country: input.code,
                entityID: input.code,
                new: Self.auditState(input),
                reason: reason
            )
            try await audit.record(entry, at: now, in: session)
            guard let country = try await catalogue.countries(code: input.code, today: today, in: session).first else { throw MissingRow() }
            return country
        }
    }

    /// Applies a JSON merge patch of the fields but `code`, with `reason`.
    func updateCountry(
        _ code: String,
        patch: [String: JSONValue],
        actor: AuditActor,
        in outer: DatabaseSession? = nil,
        logger: Logger
    ) async throws -> Country {
        let now = clock.now()
        let today = clock.today()
        return try await database.within(outer, logger: logger) { session in
            guard Country.isCode(code), let current = try await repository.lock(code, in: session) else {
                throw DomainError.unknownCountry(code)
            }
            let (changed, reason) = try CountryPatch.apply(patch, to: current)
            let problems = changed.problems()
            if !problems.isEmpty { throw DomainError.invalid(problems) }
            if changed != current {
                if try await repository.nameTaken(changed.name, except: code, in: session) { throw DomainError.nameTaken(changed.name) }
                try await repository.update(changed, in: session)
                let entry = AuditRecord(
                    .countryChanged,
                    by: actor,
                    country: code,
                    entityID: code,
                    old: Self.auditState(current),
                    new: Self.auditState(changed),
                    reason: reason
                )
                try await audit.record(entry, at: now, in: session)
            }
            guard let country = try await catalogue.countries(code: code, today: today, in: session).first else { throw MissingRow() }
            return country
        }
    }

    static func auditState(_ input: CountryInput) -> [String: JSONValue] {
        guard let data = try? JSONCoding.encoder.encode(input),
            case .object(var fields)? = try? JSONCoding.plainDecoder.decode(JSONValue.self, from: data)
        else { return [:] }
        fields["note"] = fields["note"] ?? .null
        return fields
    }
}
