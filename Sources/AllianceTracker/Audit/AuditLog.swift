import Foundation
import Logging
import PostgresNIO

/// Writes to the append-only audit log, always inside the transaction of the change
/// it records, so that a change and its record stand or fall together.
enum AuditLog {
    static func record(
        on connection: PostgresConnection, logger: Logger, actor: AuditActor, action: String,
        country: String?, year: Int?, entity: String, entityID: String?,
        old: [String: JSONValue]? = nil, new: [String: JSONValue]? = nil, reason: String? = nil
    ) async throws {
        let oldText = old.map { JSONValue.object($0).text }
        let newText = new.map { JSONValue.object($0).text }
        _ = try await connection.query("""
            INSERT INTO audit_log (actor_token, actor_role, action, country, year, entity, entity_id,
                                   old_value, new_value, reason)
            VALUES (\(actor.tokenID), \(actor.role), \(action), \(country), \(year.map(Int16.init)), \(entity),
                    \(entityID), \(oldText)::jsonb, \(newText)::jsonb, \(reason))
            """, logger: logger)
    }
}
