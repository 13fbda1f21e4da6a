import Foundation
import PostgresNIO

/// The append-only audit log: every statement that writes or reads it. Writes run
/// inside the transaction of the change they record, so that a change and its
/// record stand or fall together; the time is the service's clock, not `now()`.
struct AuditRepository: Sendable {
    func record(_ entry: AuditRecord, at: Date, in session: DatabaseSession) async throws {
        let oldText = entry.old.map { JSONValue.object($0).text }
        let newText = entry.new.map { JSONValue.object($0).text }
        _ = try await session.rows(RecordEntry(entry, at: at, old: oldText, new: newText))
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
        let statement = RecordValueChanges(
            at: at,
            tokenID: actor.tokenID,
            role: actor.role,
            country: country,
            year: Int16(year),
            reportID: reportID,
            version: Int32(version)
        )
        _ = try await session.rows(statement)
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

/// `AuditRepository.record`: one entry; run for every change.
private struct RecordEntry: PreparedStatement {
    static let sql = """
        INSERT INTO audit_log (at, actor_token, actor_role, action, country, year, entity, entity_id,
                               old_value, new_value, reason)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11)
        """
    static let bindingDataTypes: [PostgresDataType] = [.timestamptz, .int8, .text, .text, .text, .int2, .text, .text, .text, .text, .text]
    let bindings: PostgresBindings

    init(_ entry: AuditRecord, at: Date, old: String?, new: String?) throws {
        bindings = try .of(
            at,
            entry.actor.tokenID,
            entry.actor.role,
            entry.action.rawValue,
            entry.country,
            entry.year.map(Int16.init),
            entry.action.entity,
            entry.entityID,
            old,
            new,
            entry.reason
        )
    }

    func makeBindings() -> PostgresBindings { bindings }
}

/// `AuditRepository.recordValueChanges`: run for every save.
private struct RecordValueChanges: PreparedStatement {
    static let sql = """
        INSERT INTO audit_log (at, actor_token, actor_role, action, country, year, entity, entity_id, old_value, new_value)
        SELECT $1, $2, $3, '\(AuditAction.valueChanged.rawValue)', $4, $5, '\(AuditAction.valueChanged.entity)',
               $4 || '/' || $5::text || '/' || coalesce(n.indicator, o.indicator),
               CASE WHEN o.indicator IS NOT NULL THEN jsonb_build_object('version', o.version, 'value', o.value,
                    'not_available', o.not_available, 'note', o.note, 'source', o.source, 'nature', o.nature) END,
               CASE WHEN n.indicator IS NOT NULL THEN jsonb_build_object('version', n.version, 'value', n.value,
                    'not_available', n.not_available, 'note', n.note, 'source', n.source, 'nature', n.nature) END
        FROM (SELECT * FROM report_values WHERE report_id = $6 AND version = $7) n
        FULL JOIN (SELECT * FROM report_values WHERE report_id = $6 AND version = $7 - 1) o
             ON o.indicator = n.indicator
        WHERE (n.value, n.not_available, n.note, n.source, n.nature)
              IS DISTINCT FROM (o.value, o.not_available, o.note, o.source, o.nature)
        """
    static let bindingDataTypes: [PostgresDataType] = [.timestamptz, .int8, .text, .text, .int2, .int8, .int4]
    let at: Date
    let tokenID: Int64?
    let role: ActorRole
    let country: String
    let year: Int16
    let reportID: Int64
    let version: Int32
    func makeBindings() throws -> PostgresBindings { try .of(at, tokenID, role, country, year, reportID, version) }
}
