import Foundation
import PostgresNIO

/// The append-only audit log: every statement that writes or reads it. Writes run
/// inside the transaction of the change they record, so that a change and its
/// record stand or fall together; the time is the service's clock, not `now()`.
struct AuditRepository: Sendable {
    func record(_ entry: AuditRecord, at: Date, in session: DatabaseSession) async throws {
        let oldText = entry.old.map { JSONValue.object($0).text }
        let newText = entry.new.map { JSONValue.object($0).text }
        try await session.run(
            """
            INSERT INTO audit_log (at, actor_token, actor_role, action, country, year, entity, entity_id,
                                   old_value, new_value, reason)
            VALUES (\(at), \(entry.actor.tokenID), \(entry.actor.role), \(entry.action.rawValue), \(entry.country),
                    \(entry.year.map(Int16.init)), \(entry.action.entity), \(entry.entityID), \(oldText)::jsonb, \(newText)::jsonb,
                    \(entry.reason))
            """
        )
    }

    /// One entry for each value of a report's `version` that differs from the
    /// version before it: its old and new state.
    func recordValueChanges(
        reportID: Int64,
        version: Int,
        country: String,
        year: Int,
        actor: AuditActor,
        at: Date,
        in session: DatabaseSession
    ) async throws {
        let action = AuditAction.valueChanged
        try await session.run(
            """
            INSERT INTO audit_log (at, actor_token, actor_role, action, country, year, entity, entity_id, old_value, new_value)
            SELECT \(at), \(actor.tokenID), \(actor.role), \(action.rawValue), \(country), \(Int16(year)), \(action.entity),
                   \(country) || '/' || \(String(year)) || '/' || coalesce(n.indicator, o.indicator),
                   CASE WHEN o.indicator IS NOT NULL THEN jsonb_build_object('version', o.version, 'value', o.value,
                        'not_available', o.not_available, 'note', o.note, 'source', o.source, 'nature', o.nature) END,
                   CASE WHEN n.indicator IS NOT NULL THEN jsonb_build_object('version', n.version, 'value', n.value,
                        'not_available', n.not_available, 'note', n.note, 'source', n.source, 'nature', n.nature) END
            FROM (SELECT * FROM report_values WHERE report_id = \(reportID) AND version = \(version)) n
            FULL JOIN (SELECT * FROM report_values WHERE report_id = \(reportID) AND version = \(version - 1)) o
                 ON o.indicator = n.indicator
            WHERE (n.value, n.not_available, n.note, n.source, n.nature)
                  IS DISTINCT FROM (o.value, o.not_available, o.note, o.source, o.nature)
            """
        )
    }

    func entries(_ query: AuditQuery, in session: DatabaseSession) async throws -> [AuditEntry] {
        try await session.rows(
            """
            SELECT id, at, actor_token, actor_role, action, country::text, year, entity, entity_id,
                   old_value::text, new_value::text, reason
            FROM audit_log
            WHERE id > \(query.after)
              AND (\(query.country)::text IS NULL OR country = \(query.country))
              AND (\(query.year.map(Int16.init))::smallint IS NULL OR year = \(query.year.map(Int16.init)))
              AND (\(query.since)::timestamptz IS NULL OR at >= \(query.since))
            ORDER BY id LIMIT \(query.limit)
            """
        ).map(Self.entry)
    }

    private static func entry(_ row: PostgresRow) throws -> AuditEntry {
        let (id, at, token, role, action, country, year, entity, entityID, old, new, reason) =
            try row.decode((Int64, Date, Int64?, ActorRole, String, String?, Int?, String, String?, String?, String?, String?).self)
        return AuditEntry(
            id: id,
            at: at,
            actorToken: token,
            actorRole: role,
            action: action,
            country: country,
            year: year,
            entity: entity,
            entityId: entityID,
            oldValue: try old.map(json),
            newValue: try new.map(json),
            reason: reason
        )
    }

    private static func json(_ text: String) throws -> JSONValue {
        try JSONCoding.plainDecoder.decode(JSONValue.self, from: Data(text.utf8))
    }
}
