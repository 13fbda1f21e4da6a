import Foundation
import Logging

/// Creates, revokes and checks tokens; every creation and revocation is audited.
public struct TokenService: Sendable {
    let database: Database
    let clock: AppClock
    let repository = TokenRepository()
    let audit = AuditRepository()

    public init(database: Database, clock: AppClock = .system) {
        self.database = database
        self.clock = clock
    }

    public func create(
        _ request: TokenRequest,
        actor: AuditActor,
        logger: Logger,
        in session: DatabaseSession? = nil
    ) async throws -> CreatedToken {
        let now = clock.now()
        try request.validate(now: now)
        let secret = TokenSecret.random()
        return try await database.within(session, logger: logger) { session in
            guard let (id, createdAt) = try await repository.insert(request, hash: TokenSecret.hash(secret), at: now, in: session) else {
                throw DomainError.invalid("country", .unknownCountry, "there is no country '\(request.country ?? "")'")
            }
            let state: [String: JSONValue] = [
                "role": .string(request.role.rawValue),
                "label": request.label.map { .string($0) } ?? .null,
                "expires_at": request.expiresAt.map { .string(ISO8601DateFormatter().string(from: $0)) } ?? .null,
            ]
            let entry = AuditRecord(.tokenCreated, by: actor, country: request.country, entityID: String(id), new: state)
            try await audit.record(entry, at: now, in: session)
            return CreatedToken(
                id: id,
                token: TokenSecret(id: id, secret: secret).bearer,
                role: request.role,
                country: request.country,
                label: request.label,
                createdAt: createdAt,
                expiresAt: request.expiresAt
            )
        }
    }

    /// Revokes a token at once; revoking a revoked token changes nothing.
    public func revoke(id: Int64, actor: AuditActor, logger: Logger) async throws {
        let now = clock.now()
        try await database.transaction(logger: logger) { session in
            guard let (country, revokedNow) = try await repository.revoke(id: id, at: now, in: session) else {
                throw DomainError(.unknownToken, "There is no such token.")
            }
            if revokedNow {
                try await audit.record(AuditRecord(.tokenRevoked, by: actor, country: country, entityID: String(id)), at: now, in: session)
            }
        }
    }

    /// Every token, by id, without secrets or hashes.
    func list(logger: Logger) async throws -> [TokenListing] {
        try await database.read(logger: logger) { session in try await repository.list(in: session) }
    }

    /// The identity a bearer token stands for, or why it is refused: unknown, revoked
    /// or wrong (invalid), or expired by the clock. Expiry is told only to the holder
    /// of the right secret.
    func authenticate(_ token: TokenSecret, logger: Logger) async throws -> TokenCheck {
        let now = clock.now()
        return try await database.read(logger: logger) { session in
            guard let live = try await repository.live(id: token.id, at: now, in: session),
                TokenSecret.constantTimeEqual(live.hash, TokenSecret.hash(token.secret))
            else { return .rejected(.invalid) }
            if live.expired { return .rejected(.expired) }
            if live.stale {
                // last use, to the minute: enough to find unused tokens without a write per request;
                // best effort, so that a read-only standby still serves reads with a token
                try? await repository.markUsed(id: token.id, at: now, in: session)
            }
            let identity = Identity(tokenID: token.id, role: live.role, country: live.country)
            return .accepted(identity, summaryDataVersion: live.summaryDataVersion)
        }
    }
}
