import Hummingbird

/// `GET /v1/audit`: the secretariat reads the whole log; a country its own entries.
struct AuditRoutes {
    let audit: AuditService

    func register(on v1: RouterGroup<AppRequestContext>) {
        v1.group("audit").add(middleware: AccessPolicy.authenticated).get { request, context in
            var parameters: [String: String] = [:]
            for (key, value) in request.uri.queryParameters { parameters[String(key)] = String(value) }
            let page = try await audit.page(try AuditQuery(parameters), for: try context.requireIdentity, logger: context.logger)
            return try Response.json(page)
        }
    }
}
