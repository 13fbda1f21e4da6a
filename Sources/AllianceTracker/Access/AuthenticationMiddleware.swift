import Hummingbird

/// Reads the bearer token, if any, and records who is asking. It refuses nothing
/// itself: public resources ignore credentials, and `AccessPolicy` decides for the
/// protected ones.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let tokens: TokenService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            return try await next(request, context)
        }
        var context = context
        var check = TokenCheck.rejected(.invalid)
        if let token = TokenSecret(authorization: header) {
            check = try await tokens.authenticate(token, logger: context.logger)
        }
        switch check {
        case .accepted(let identity): context.identity = identity
        case .rejected(let why): context.credentialsRejection = why
        }
        if let identity = context.identity {
            context.logger[metadataKey: "token"] = "\(identity.tokenID)"
        }
        return try await next(request, context)
    }
}
