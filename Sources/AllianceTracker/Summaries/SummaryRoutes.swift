import Hummingbird

/// The secretariat's summaries: live figures, and publishing them as releases.
struct SummaryRoutes {
    let summaries: SummaryService
    let releases: ReleaseService
    let idempotency: Idempotency
    let publicReleases: PublicReleases

    func register(on v1: RouterGroup<AppRequestContext>) {
        let group = v1.group("summaries/{year}").add(middleware: AccessPolicy.secretariat)
        group.get { request, context in
            let year = try context.yearParameter()
            let format = try ResponseFormat(request)
            let body = try await summaries.live(
                year: year,
                format: format.rawValue,
                version: context.summaryDataVersion,
                logger: context.logger
            ) {
                try Self.render($0, format: format)
            }
            return Response(status: .ok, headers: [.contentType: format.contentType, .cacheControl: "no-store"], body: .init(byteBuffer: body))
        }
        group.get("releases") { _, context in
            struct List: Encodable { let releases: [ReleaseInfo] }
            return try Response.json(List(releases: try await releases.releases(year: try context.yearParameter(), logger: context.logger)))
        }
        group.post("releases") { request, context in
            let year = try context.yearParameter()
            let body = try await RequestBody<ReleaseInput>(request, context: context)
            if try request.flagParameter("dry_run") {
                // a dry run stores nothing, so it keeps no answer for a key; a malformed key is still refused
                if let key = request.headers[Idempotency.header], !(1...255).contains(key.utf8.count) {
                    throw Problem(.invalidIdempotencyKey, detail: "An Idempotency-Key must be 1 to 255 characters.")
                }
                return try Response.json(try await releases.dryRun(year: year, body.value, logger: context.logger))
            }
            let actor = AuditActor(try context.requireIdentity)
            let logger = context.logger
            let response = try await idempotency.perform(request, body: body.bytes, context: context) { [releases] session in
                let (info, summary) = try await releases.publish(year: year, body.value, actor: actor, in: session, logger: logger)
                struct Published: Encodable {
                    let release: ReleaseInfo
                    let summary: Summary
                }
                return try .created(Published(release: info, summary: summary), location: "/v1/summaries/\(year)/releases")
            }
            await publicReleases.invalidate()
            return response
        }
    }

    static func render(_ summary: Summary, format: ResponseFormat) throws -> ByteBuffer {
        switch format {
        case .json: ByteBuffer(bytes: summary.jsonBody)
        case .csv: ByteBuffer(bytes: SummaryCSV.render(summary))
        }
    }
}
