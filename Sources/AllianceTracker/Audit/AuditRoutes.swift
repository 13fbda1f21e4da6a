import Foundation
import Hummingbird
import PostgresNIO

/// `GET /v1/audit`: the secretariat reads the whole log; a country its own entries.
struct AuditRoutes {
    let database: Database

    struct Page: Encodable {
        let entries: [AuditEntry]
        /// The next page, or null on the last one.
        let next: String?
    }

    func register(on v1: RouterGroup<AppRequestContext>) {
        v1.group("audit").add(middleware: AccessPolicy.authenticated).get { request, context in
            var parameters: [String: String] = [:]
            for (key, value) in request.uri.queryParameters { parameters[String(key)] = String(value) }
            var query = try AuditQuery(parameters)
            let identity = try context.requireIdentity
            if identity.role == .country {
                // another country's trail does not exist, as far as this token can tell
                if let asked = query.country, asked != identity.country {
                    throw DomainError.notFound("There is no audit trail for \(asked) here.")
                }
                query.country = identity.country
            }
            let entries = try await entries(query, logger: context.logger)
            let next = entries.count == query.limit ? entries.last.map { query.next(after: $0.id) } : nil
            return try Response.json(Page(entries: entries, next: next))
        }
    }

    private func entries(_ query: AuditQuery, logger: Logger) async throws -> [AuditEntry] {
        let rows = try await database.query("""
            SELECT id, at, actor_token, actor_role, action, country::text, year, entity, entity_id,
                   old_value::text, new_value::text, reason
            FROM audit_log
            WHERE id > \(query.after)
              AND (\(query.country)::text IS NULL OR country = \(query.country))
              AND (\(query.year.map(Int16.init))::smallint IS NULL OR year = \(query.year.map(Int16.init)))
              AND (\(query.since)::timestamptz IS NULL OR at >= \(query.since))
            ORDER BY id LIMIT \(query.limit)
            """, logger: logger)
        var entries: [AuditEntry] = []
        for try await (id, at, token, role, action, country, year, entity, entityID, old, new, reason)
            in rows.decode((Int64, Date, Int64?, String, String, String?, Int?, String, String?, String?, String?, String?).self)
        {
            entries.append(AuditEntry(
                id: id, at: at, actorToken: token, actorRole: role, action: action, country: country, year: year,
                entity: entity, entityId: entityID, oldValue: try old.map(Self.json), newValue: try new.map(Self.json),
                reason: reason
            ))
        }
        return entries
    }

    private static func json(_ text: String) throws -> JSONValue {
        try JSONCoding.plainDecoder.decode(JSONValue.self, from: Data(text.utf8))
    }
}
