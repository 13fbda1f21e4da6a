import Hummingbird

/// `/v1/countries/{cc}/commitments`: a country's own, or any for the secretariat.
struct CommitmentRoutes {
    let commitments: CommitmentService
    let catalogue: CatalogueService
    let idempotency: Idempotency

    func register(on country: RouterGroup<AppRequestContext>) {
        country.get("commitments") { request, context in
            let code = try await existingCountry(context)
            let year = try Self.yearQuery(request)
            struct List: Encodable { let commitments: [Commitment] }
            return try Response.json(List(commitments: try await commitments.list(country: code, year: year, logger: context.logger)))
        }
        country.get("commitments/{id}") { request, context in
            let code = try await existingCountry(context)
            let year = try Self.yearQuery(request)
            return try Self.response(
                try await commitments.commitment(country: code, id: try Self.idParameter(context), year: year, logger: context.logger)
            )
        }
        country.post("commitments/{id}/withdraw") { request, context in
            let code = try await existingCountry(context)
            let id = try Self.idParameter(context)
            let input = try await RequestBody<WithdrawalInput>(request, context: context).value
            let actor = AuditActor(try context.requireIdentity)
            return try Self.response(
                try await commitments.withdraw(country: code, id: id, reason: input.reason, actor: actor, logger: context.logger)
            )
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
                expecting: ReportRoutes.expectedVersion(request),
                actor: AuditActor(try context.requireIdentity),
                logger: context.logger
            )
            return try Self.response(updated)
        }
    }

    /// A commitment answers with its version as ETag, for the next PATCH's `If-Match`.
    private static func response(_ commitment: Commitment) throws -> Response {
        try Response.json(commitment, headers: [.eTag: "\"\(commitment.version)\""])
    }

    /// `?year=`: the year progress is judged in, 2012 to 2100; nil for the latest cycle.
    private static func yearQuery(_ request: Request) throws -> Int? {
        guard let raw = request.uri.queryParameters["year"] else { return nil }
        guard let year = Int(String(raw)), (2012...2100).contains(year) else {
            throw DomainError.invalidParameter("year", "must be a reporting year from 2012 to 2100, not '\(raw)'")
        }
        return year
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
