import Hummingbird

/// `GET /v1/cycles/{year}/reports`: the secretariat's worklist, as JSON or CSV
/// (`?format=csv` or `Accept: text/csv`), narrowed by a repeatable `?status=`.
struct WorklistRoutes {
    let worklists: WorklistService

    func register(on v1: RouterGroup<AppRequestContext>) {
        v1.group("cycles/{year}/reports").add(middleware: AccessPolicy.secretariat).get { request, context in
            let year = try context.yearParameter()
            let format = try ResponseFormat(request)
            let statuses = try WorklistStatus.filter(request.uri.queryParameters.getAll("status").map { String($0) })
            let worklist = try await worklists.worklist(year, statuses: statuses, logger: context.logger)
            switch format {
            case .json:
                return try Response.json(worklist, headers: [.vary: "Accept"])
            case .csv:
                let headers: HTTPFields = [.contentType: format.contentType, .cacheControl: "no-store", .vary: "Accept"]
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: worklist.csv)))
            }
        }
    }
}
