import Hummingbird

/// Lowers a public answer's `Cache-Control` so that no cache keeps it past the next
/// embargo's end: the one place every cacheable answer (summaries, series, overview,
/// dashboard pages, catalogue) passes. Bodies are rendered and kept with the standard
/// header; the cap is applied here, per response, by the injected clock.
struct EmbargoCacheMiddleware<Context: RequestContext>: RouterMiddleware {
    let releases: PublicReleases

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // before the answer is made: what it shows was decided after this
        let started = releases.clock.now()
        var response = try await next(request, context)
        guard response.headers[.cacheControl] == CacheableResponse.cacheControl else { return response }
        response.headers[.cacheControl] = await releases.cacheControl(since: started, logger: context.logger)
        return response
    }
}
