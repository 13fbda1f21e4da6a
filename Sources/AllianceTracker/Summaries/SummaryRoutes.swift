import Hummingbird
import PostgresNIO

/// The secretariat's summaries: live figures, and publishing them as releases.
struct SummaryRoutes {
    let database: Database
    let idempotency: Idempotency
    let publicReleases: PublicReleases
    let clock: AppClock

    func register(on v1: RouterGroup<AppRequestContext>) {
        let summaries = v1.group("summaries/{year}").add(middleware: AccessPolicy.secretariat)
        summaries.get { request, context in
            let year = try context.yearParameter()
            let format = try ResponseFormat(request)
            let summary = try await database.withConnection { connection in
                try await SummaryBuilder(connection: connection, logger: context.logger, pool: database).build(year: year, now: clock.now())
            }
            return try Self.respond(summary, format: format)
        }
        summaries.get("releases") { _, context in
            let year = try context.yearParameter()
            let releases = try await database.withConnection { connection in
                try await ReleaseStore.releases(year: year, on: connection, logger: context.logger)
            }
            struct List: Encodable { let releases: [ReleaseInfo] }
            return try Response.json(List(releases: releases))
        }
        summaries.post("releases") { request, context in
            let year = try context.yearParameter()
            let body = try await RequestBody<ReleaseInput>(request, context: context)
            let actor = AuditActor(try context.requireIdentity)
            let response = try await idempotency.perform(request, body: body.bytes, context: context) { [clock, logger = context.logger] connection in
                let (info, summary) = try await ReleaseStore.publish(
                    year: year, body.value, actor: actor, now: clock.now(), on: connection, logger: logger
                )
                struct Published: Encodable { let release: ReleaseInfo; let summary: Summary }
                return try .created(Published(release: info, summary: summary),
                                    location: "/v1/summaries/\(year)/releases")
            }
            await publicReleases.invalidate()
            return response
        }
    }

    static func respond(_ summary: Summary, format: ResponseFormat) throws -> Response {
        switch format {
        case .json:
            return try Response.json(summary)
        case .csv:
            return Response(status: .ok, headers: [.contentType: format.contentType, .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(bytes: SummaryCSV.render(summary))))
        }
    }
}
