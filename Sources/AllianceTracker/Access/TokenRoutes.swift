import Hummingbird

/// `POST /v1/tokens` and `DELETE /v1/tokens/{id}`: the secretariat's.
struct TokenRoutes {
    let tokens: TokenStore
    let idempotency: Idempotency

    struct TokenInput: Decodable, Sendable {
        var role: Identity.Role
        var country: String?
        var label: String?
    }

    func register(on v1: RouterGroup<AppRequestContext>) {
        let group = v1.group("tokens").add(middleware: AccessPolicy.secretariat)
        group.post { request, context in
            let body = try await RequestBody<TokenInput>(request, context: context)
            let actor = AuditActor(try context.requireIdentity)
            let input = body.value
            return try await idempotency.perform(request, body: body.bytes, context: context) { [tokens, logger = context.logger] connection in
                let created = try await tokens.create(role: input.role, country: input.country, label: input.label,
                                                      actor: actor, on: connection, logger: logger)
                var replay = created
                replay.token = nil  // the secret is shown once; a replay cannot show it again
                return try .created(created, location: "/v1/tokens/\(created.id)", replay: replay)
            }
        }
        group.delete("{id}") { _, context in
            guard let id = Int64(context.parameters.get("id") ?? ""),
                  try await tokens.revoke(id: id, actor: AuditActor(try context.requireIdentity), logger: context.logger)
            else {
                throw DomainError(.unknownToken, "There is no such token.")
            }
            return Response(status: .noContent)
        }
    }
}
