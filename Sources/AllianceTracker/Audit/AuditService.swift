import Logging

/// Reads the audit log: the secretariat the whole of it, a country its own entries.
struct AuditService: Sendable {
    let database: Database
    let audit = AuditRepository()

    /// One page of entries, with the address of the next page (nil on the last one).
    func page(_ query: AuditQuery, for identity: Identity, logger: Logger) async throws -> AuditPage {
        var query = query
        if identity.role == .country {
            // another country's trail does not exist, as far as this token can tell
            if let asked = query.country, asked != identity.country {
                throw DomainError.notFound("There is no audit trail for \(asked) here.")
            }
            query.country = identity.country
        }
        let entries = try await database.read(logger: logger) { [query] in try await audit.entries(query, in: $0) }
        let next = entries.count == query.limit ? entries.last.map { query.next(after: $0.id) } : nil
        return AuditPage(entries: entries, next: next)
    }
}
