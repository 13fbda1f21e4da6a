import HTTPTypes
import Hummingbird
import Metrics

/// Answers 503 when a request has not been answered within `limit`, whatever it
/// waits for. PostgreSQL going away mid-query can leave a query waiting forever
/// (see `withTimeout`); the client gets an answer in bounded time all the same.
/// A write cut off this way stores nothing: its transaction is rolled back rather
/// than committed (`CommitDeadline`); one whose COMMIT was already sent is waited
/// for. As the outermost responder it also
/// reads the body (refusing one over 1 MiB with 413, 10 MiB and no deadline for `BulkUpload`) and gives every answer the
/// request's id (`X-Request-Id`, as in the logs).
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
        var response = try await answer(request, context: context)
        // the id of the request's log lines, for a user to quote when something went wrong
        response.headers[.requestID] = context.id
        return response
    }

    private func answer(_ request: Request, context: AppRequestContext) async throws -> Response {
        // The body is read here, before the deadline starts: a handler the deadline
        // abandons must not still be reading the connection's body stream when the
        // server reads what is left of it. So the size limit is kept here too: a
        // declared length over it is refused unread, an undeclared one cut off.
        let bulk = BulkUpload.matches(request)
        let maximum = bulk ? BulkUpload.maximumBodyBytes : context.maxUploadSize
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maximum {
            return Problem.bodyTooLarge(limit: maximum).response()
        }
        var request = request
        do {
            _ = try await request.collectBody(upTo: maximum)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            return Problem.bodyTooLarge(limit: maximum).response()
        }
        // the import's one transaction may take longer than the deadline: it is not cut off
        if bulk { return try await inner.respond(to: request, context: context) }
        do {
            return try await withTimeout(limit, deadline: CommitDeadline()) { [request] in
                try await inner.respond(to: request, context: context)
            }
        } catch is CommitTimeoutError {
            timedOut.increment()
            context.logger.error("request timed out during COMMIT", metadata: ["limit": "\(limit)"])
            return Problem(DomainError.outcomeUnknown).response()
        } catch is TimeoutError {
            timedOut.increment()
            context.logger.error("request timed out", metadata: ["limit": "\(limit)"])
            return (database.isAvailable ? Problem.timedOut(after: limit) : Problem.databaseUnavailable).response()
        }
    }
}

extension HTTPField.Name {
    static let requestID = Self("X-Request-Id")!
}

extension Problem {
    static func timedOut(after limit: Duration) -> Problem {
        let seconds = limit.components.seconds
        return Problem(.timedOut, detail: "The request was not answered within \(seconds) s, and nothing it asked was stored; try again shortly.")
    }
}
