import HTTPTypes
import Hummingbird
import Metrics

/// Answers 503 when a request has not been answered within `limit`, whatever it
/// waits for. PostgreSQL going away mid-query can leave a query waiting forever
/// (see `withTimeout`); the client gets an answer in bounded time all the same.
/// A write cut off this way may still commit: its client retries with the same
/// Idempotency-Key and gets the stored answer. As the outermost responder it also
/// gives every answer the request's id (`X-Request-Id`, as in the logs).
struct DeadlineResponder<Inner: HTTPResponder>: HTTPResponder where Inner.Context == AppRequestContext {
    let inner: Inner
    let limit: Duration
    let database: Database
    private let timedOut = Counter(label: "alliance_requests_timed_out_total")

    init(inner: Inner, limit: Duration, database: Database) {
        self.inner = inner
        self.limit = limit
        self.database = database
    }

    func respond(to request: Request, context: AppRequestContext) async throws -> Response {
        // The body is read here, before the deadline starts: a handler the deadline
        // abandons must not still be reading the connection's body stream when the
        // server reads what is left of it. Bodies are small (1 MiB at most).
        var request = request
        do {
            _ = try await request.collectBody(upTo: context.maxUploadSize)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            return Problem.bodyTooLarge.response()
        }
        var response: Response
        do {
            response = try await withTimeout(limit) { [request] in try await inner.respond(to: request, context: context) }
        } catch is TimeoutError {
            timedOut.increment()
            context.logger.error("request timed out", metadata: ["limit": "\(limit)"])
            response = (database.isAvailable ? Problem.timedOut(after: limit) : Problem.databaseUnavailable).response()
        }
        // the id of the request's log lines, for a user to quote when something went wrong
        response.headers[.requestID] = context.id
        return response
    }
}

extension HTTPField.Name {
    static let requestID = Self("X-Request-Id")!
}

extension Problem {
    static func timedOut(after limit: Duration) -> Problem {
        Problem(.serviceUnavailable, code: "timed_out", title: "Request timed out",
                detail: "The request was not answered within \(limit.components.seconds) s; try again shortly.",
                headers: [.retryAfter: "5"])
    }
}
