import Hummingbird

extension Router where Context == AppRequestContext {
    /// Answers a known path with a method it does not take by 405 and an `Allow`
    /// header, rather than the router's 404 that would deny the resource exists.
    /// Call it once every route is registered.
    func addMethodNotAllowedRoutes() {
        let methods: [HTTPRequest.Method] = [.get, .post, .put, .patch, .delete, .options, .trace]
        let allowedByPath = Dictionary(grouping: routes, by: { $0.path.description })
        for (_, routes) in allowedByPath {
            let allowed = Set(routes.map(\.method))
            let allow = (methods.filter(allowed.contains).map(\.rawValue) + (allowed.contains(.get) ? ["HEAD"] : []))
                .joined(separator: ", ")
            for method in methods where !allowed.contains(method) {
                on(routes[0].path, method: method) { request, _ -> Response in
                    throw Problem(
                        .methodNotAllowed, code: "method_not_allowed", title: "Method not allowed",
                        detail: "\(request.method) is not allowed on \(request.uri.path); use \(allow).",
                        headers: [.allow: allow]
                    )
                }
            }
        }
    }
}
