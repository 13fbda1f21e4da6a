import Hummingbird

extension Router where Context == AppRequestContext {
    /// Answers a known path with a method it does not take by 405 and an `Allow`
    /// header, rather than the router's 404 that would deny the resource exists.
    /// Call it once every route is registered: middleware added after the routes
    /// wraps only the router's not-found answer, so it sees exactly the requests no
    /// route took, whatever their method (QUERY or PROPFIND as much as DELETE).
    func addMethodNotAllowedRoutes() {
        add(middleware: MethodNotAllowedMiddleware(routes: routes))
    }
}

/// Turns the router's 404 for a path that has routes, only for other methods, into a 405.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    /// A path the router serves, with the methods it takes as `Allow` lists them.
    struct Route: Sendable {
        let path: RouterPath
        let allow: String
    }

    let known: [Route]

    init(routes: [Router<AppRequestContext>.RouteDescription]) {
        let order: [HTTPRequest.Method] = [.get, .post, .put, .patch, .delete, .options, .trace]
        known = Dictionary(grouping: routes, by: { $0.path.description }).values.map { samePath -> Route in
            let methods = Set(samePath.map(\.method))
            let allow = order.filter(methods.contains).map(\.rawValue) + (methods.contains(.get) ? ["HEAD"] : [])
            return Route(path: samePath[0].path, allow: allow.joined(separator: ", "))
        }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            guard let route = route(for: request.uri.path) else { throw error }
            // metrics count the answer under its route, as they would a handler's
            context.coreContext.endpointPath.value = route.path.description
            throw Problem(
                .methodNotAllowed,
                detail: "\(request.method) is not allowed on \(request.uri.path); use \(route.allow).",
                headers: [.allow: route.allow]
            )
        }
    }

    /// The route whose path matches segment by segment, as the router's trie matches.
    private func route(for path: String) -> Route? {
        let segments = path.split(separator: "/")
        return known.first { route in
            route.path.components.count == segments.count
                && zip(route.path.components, segments).allSatisfy { $0 ~= $1 }
        }
    }
}
