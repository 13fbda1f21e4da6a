import Hummingbird

/// `/v1/countries/{cc}/commitments`: a country's own, or any for the secretariat.
struct CommitmentRoutes {
    let commitments: CommitmentService
    let catalogue: CatalogueService
    let idempotency: Idempotency

    func register(on country: RouterGroup<AppRequestContext>) {
        country.get("commitments") { _, context in
            let code = try await existingCountry(context)
            struct List: Encodable { let commitments: [Commitment] }
            return try Response.json(List(commitments: try await commitments.list(country: code, logger: context.logger)))
        }
        country.get("commitments/{id}") { _, context in
            let code = try await existingCountry(context)
            return try Response.json(try await commitments.commitment(country: code, id: try Self.idParameter(context), logger: context.logger))
        }
        country.post("commitments") { request, context in
            let code = try await existingCountry(context)
            let body = try await RequestBody<CommitmentInput>(request, context: context)
            let actor = AuditActor(try context.requireIdentity)
            return try await idempotency.perform(request, body: body.bytes, context: context) { [logger = context.logger] session in
                let created = try await commitments.create(country: code, body.value, actor: actor, in: session, logger: logger)
                return try .created(created, location: "/v1/countries/\(code)/commitments/\(created.id)")
            }
        }
        country.patch("commitments/{id}") { request, context in
            let code = try await existingCountry(context)
            let id = try Self.idParameter(context)
            let patch = try await RequestBody<[String: JSONValue]>(request, context: context, decoder: JSONCoding.plainDecoder).value
            let updated = try await commitments.update(
                country: code,
                id: id,
                patch: patch,
                actor: AuditActor(try context.requireIdentity),
                logger: context.logger
            )
            return try Response.json(updated)
        }
    }

    private func existingCountry(_ context: AppRequestContext) async throws -> String {
        let code = try context.countryParameter()
        try await catalogue.requireCountry(code, logger: context.logger)
        return code
    }

    private static func idParameter(_ context: AppRequestContext) throws -> Int64 {
        let raw = context.parameters.get("id") ?? ""
        guard let id = Int64(raw), id > 0 else {
            throw DomainError(.unknownCommitment, "There is no commitment '\(raw)' here.")
        }
        return id
    }
}
