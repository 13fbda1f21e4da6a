import Hummingbird

/// `GET /v1/tokens`, `POST /v1/tokens` and `DELETE /v1/tokens/{id}`: the secretariat's.
struct TokenRoutes {
    let tokens: TokenService
    let idempotency: Idempotency

    func register(on v1: RouterGroup<AppRequestContext>) {
        let group = v1.group("tokens").add(middleware: AccessPolicy.secretariat)
        group.get { _, context in
            try Response.json(TokenList(tokens: try await tokens.list(logger: context.logger)))
        }
        group.post { request, context in
            let body = try await RequestBody<TokenRequest>(request, context: context)
            let actor = AuditActor(try context.requireIdentity)
            return try await idempotency.perform(request, body: body.bytes, context: context) { [tokens, logger = context.logger] session in
                let created = try await tokens.create(body.value, actor: actor, logger: logger, in: session)
                var replay = created
                replay.token = nil  // the secret is shown once; a replay cannot show it again
                return try .created(created, location: "/v1/tokens/\(created.id)", replay: replay)
            }
        }
        group.delete("{id}") { _, context in
            guard let id = Int64(context.parameters.get("id") ?? "") else {
                throw DomainError(.unknownToken, "There is no such token.")
            }
            try await tokens.revoke(id: id, actor: AuditActor(try context.requireIdentity), logger: context.logger)
            return Response(status: .noContent)
        }
    }
}
