import HTTPTypes
import Hummingbird

/// Reads the bearer token, if any, and records who is asking. It refuses nothing
/// itself: public resources ignore credentials, and `AccessPolicy` decides for the
/// protected ones. Failures are counted per client address (`AuthFailureLimiter`):
/// past the limit a token is not checked at all, and `AccessPolicy` answers 429.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let tokens: TokenService
    let limiter: AuthFailureLimiter
    let proxies: TrustedProxies
    let clock: AppClock

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            return try await next(request, context)
        }
        var context = context
        let client = proxies.client(peer: context.peerAddress, forwardedFor: request.headers[.xForwardedFor])
        if let seconds = limiter.retryAfter(client, now: clock.now()) {
            context.authenticationBlockedFor = seconds
            context.logger.notice("authentication refused: too many failures", metadata: ["client": "\(client)"])
            return try await next(request, context)
        }
        var check = TokenCheck.rejected(.invalid)
        if let token = TokenSecret(authorization: header) {
            check = try await tokens.authenticate(token, logger: context.logger)
        }
        switch check {
        case .accepted(let identity, let version):
            context.identity = identity
            context.summaryDataVersion = version
        case .rejected(let why):
            context.credentialsRejection = why
            limiter.recordFailure(client, now: clock.now())
        }
        if let identity = context.identity {
            context.logger[metadataKey: "token"] = "\(identity.tokenID)"
        }
        return try await next(request, context)
    }
}

extension HTTPField.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
}
