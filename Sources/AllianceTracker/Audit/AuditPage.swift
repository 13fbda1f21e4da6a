/// A page of `GET /v1/audit`.
struct AuditPage: Encodable, Sendable {
    let entries: [AuditEntry]
    /// The next page, or null on the last one.
    let next: String?
}
