import Hummingbird

/// Who may use a group of routes: decided here, once, for every protected route.
///
/// - `secretariat`: the secretariat only; a country token gets 403.
/// - `countryScoped`: routes under `/countries/{cc}/…`: the secretariat, or the
///   token of country `cc`. Another country's token gets 404 on reads (no hint that
///   the data exists) and 403 on writes.
/// - `authenticated`: any valid token; the handler narrows what a country sees.
///
/// In every case a missing or bad token gets 401 with `WWW-Authenticate: Bearer`.
struct AccessPolicy: RouterMiddleware {
    typealias Context = AppRequestContext

    enum Rule: Sendable {
        case secretariat
        case countryScoped
        case authenticated
    }

    let rule: Rule

    static let secretariat = AccessPolicy(rule: .secretariat)
    static let countryScoped = AccessPolicy(rule: .countryScoped)
    static let authenticated = AccessPolicy(rule: .authenticated)

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let identity = try context.requireIdentity
        switch rule {
        case .authenticated:
            break
        case .secretariat:
            guard identity.role == .secretariat else { throw Problem.forbidden }
        case .countryScoped:
            let country = context.parameters.get("cc") ?? ""
            guard identity.owns(country) else {
                throw request.method == .get || request.method == .head
                    ? Problem(.notFound, detail: "There is no resource at \(request.uri.path).")
                    : Problem.forbidden
            }
        }
        return try await next(request, context)
    }
}

extension Problem {
    static func unauthorized(_ rejection: CredentialsRejection?) -> Problem {
        let invalidToken = #"Bearer realm="alliance-tracker", error="invalid_token""#
        return switch rejection {
        case nil:
            Problem(
                .unauthorized,
                detail: "This resource needs an 'Authorization: Bearer <token>' header.",
                headers: [.wwwAuthenticate: #"Bearer realm="alliance-tracker""#]
            )
        case .invalid:
            Problem(.unauthorized, detail: "The bearer token is not valid: unknown, malformed or revoked.", headers: [.wwwAuthenticate: invalidToken])
        case .expired:
            Problem(.unauthorized, detail: "The bearer token has expired.", headers: [.wwwAuthenticate: invalidToken])
        }
    }
}

extension Problem {
    static func tooManyFailures(retryAfter seconds: Int) -> Problem {
        Problem(
            .tooManyFailures,
            detail: "Too many failed authentications from this address in the last minute; try again in \(seconds) s.",
            headers: [.retryAfter: String(seconds)]
        )
    }
}

extension AppRequestContext {
    /// The identity of a request that passed an `AccessPolicy`.
    var requireIdentity: Identity {
        get throws {
            if let seconds = authenticationBlockedFor { throw Problem.tooManyFailures(retryAfter: seconds) }
            guard let identity else { throw Problem.unauthorized(credentialsRejection) }
            return identity
        }
    }
}
