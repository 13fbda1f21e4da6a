import Hummingbird

/// Refuses a body over the limit before reading it, when the client declares its
/// length. A body without a declared length is cut off at the same limit when a
/// handler collects it (`AppRequestContext.maxUploadSize`).
struct RequestSizeLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > AppRequestContext.maximumBodyBytes {
            throw HTTPError(.contentTooLarge)
        }
        return try await next(request, context)
    }
}
