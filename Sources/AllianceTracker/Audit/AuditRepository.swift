import Foundation
import PostgresNIO

/// The append-only audit log: the statements that write or read it, but for a report's
/// save, whose entries its own statement writes (`ReportRepository.writeVersion`). Writes
/// run inside the transaction of the change they record, so that a change and its
/// record stand or fall together; the time is the service's clock, not `now()`.
struct AuditRepository: Sendable {
    func record(_ entry: AuditRecord, at: Date, in session: DatabaseSession) async throws {
        _ = try await session.rows(RecordEntry(entry, at: at))
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

/// `AuditRepository.record`: one entry; run for every change but a save (whose entries
/// `ReportRepository.writeVersion` writes).
private struct RecordEntry: PreparedStatement {
    static let sql = """
        INSERT INTO audit_log (at, actor_token, actor_role, action, country, year, entity, entity_id,
                               old_value, new_value, reason)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11)
        """
    static let bindingDataTypes: [PostgresDataType] = [.timestamptz] + PostgresBindings.auditEntryTypes + [.text]
    let bindings: PostgresBindings

    init(_ entry: AuditRecord, at: Date) throws {
        var bindings = try PostgresBindings.of(at)
        try bindings.append(entry)
        try bindings.append([entry.reason])
        self.bindings = bindings
    }

    func makeBindings() -> PostgresBindings { bindings }
}

extension PostgresBindings {
    /// The types of an entry's bindings (`append(_:)`), in the order of `audit_log`'s
    /// columns `actor_token, actor_role, action, country, year, entity, entity_id,
    /// old_value, new_value` (the last two as text, cast to jsonb in the statement).
    static let auditEntryTypes: [PostgresDataType] = [.int8, .text, .text, .text, .int2, .text, .text, .text, .text]

    /// An entry's who, what and which, bound as `auditEntryTypes` says: shared by
    /// `RecordEntry` and a save's `ReportRepository.writeVersion`.
    mutating func append(_ entry: AuditRecord) throws {
        try append([
            entry.actor.tokenID,
            entry.actor.role,
            entry.action.rawValue,
            entry.country,
            entry.year.map(Int16.init),
            entry.action.entity,
            entry.entityID,
            entry.old.map { JSONValue.object($0).text },
            entry.new.map { JSONValue.object($0).text },
        ])
    }
}
