import Foundation
import Logging
import PostgresNIO

/// The older way in, still used by areas not yet moved to services (tokens,
/// releases): forwards to `AuditRepository`, stamped with the system's time.
/// Services call `AuditRepository.record` with their own clock instead.
enum AuditLog {
    static func record(
        on connection: PostgresConnection, logger: Logger, actor: AuditActor, action: String,
        country: String?, year: Int?, entity: String, entityID: String?,
        old: [String: JSONValue]? = nil, new: [String: JSONValue]? = nil, reason: String? = nil
    ) async throws {
        let entry = AuditRecord(AuditAction(action, on: entity), by: actor, country: country, year: year, entityID: entityID,
                                old: old, new: new, reason: reason)
        try await AuditRepository().record(entry, at: Date(), in: DatabaseSession(connection: connection, logger: logger))
    }
}
