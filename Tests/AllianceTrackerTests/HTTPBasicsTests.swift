import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import Testing

@testable import AllianceTracker

@Suite struct HTTPBasicsTests {
    @Test func healthAndReadiness() async throws {
        try await withApp { client, _ async throws in
            try await client.execute(uri: "/healthz", method: .get) { response async throws in
                #expect(response.status == .ok)
                #expect(try response.json()["status"] as? String == "ok")
            }
            // /readyz gives the database 2 s; a busy test cluster may take longer to open the
            // first connection, so ask again (a test never fails on a timing)
            for _ in 0..<30 {
                if try await client.execute(uri: "/readyz", method: .get).status == .ok { break }
            }
            let first = try await client.execute(uri: "/readyz", method: .get) { response async throws in
                #expect(response.status == .ok)
                #expect(try response.json()["status"] as? String == "ready")
                return response.headers[.requestID]
            }
            // every answer names its request, as the log lines do
            let second = try await client.execute(uri: "/v1/nothing", method: .get) { $0.headers[.requestID] }
            #expect(first?.isEmpty == false && second?.isEmpty == false && first != second)
        }
    }

    @Test func readinessFailsWhileTheDatabaseIsUnreachable() async throws {
        // a port where nothing listens
        var url = TestDatabase.adminURL
        url.port = 1
        let app = try buildApplication(config: TestDatabase.config(url))
        try await app.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response async throws in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/readyz", method: .get) { response async throws in
                try response.expectProblem(.serviceUnavailable, code: "database_unavailable")
            }
            // and what needs the database says so, rather than waiting for it
            try await client.execute(uri: "/v1/goals", method: .get) { response async throws in
                try response.expectProblem(.serviceUnavailable, code: "database_unavailable")
                #expect(response.headers[.retryAfter] == "5")
            }
        }
    }

    /// A request still waiting at the deadline is answered 503 even though what it
    /// waits for ignores cancellation, as a query on a connection the server killed can.
    @Test func aRequestPastTheDeadlineIsAnswered503() async throws {
        let release = Gate()
        let stuck = CallbackResponder<AppRequestContext> { _, _ in
            await release.wait()
            return Response(status: .ok)
        }
        let database = Database(pool: PostgresClient(configuration: TestDatabase.adminURL.clientConfiguration()))
        let app = Application(responder: DeadlineResponder(inner: stuck, limit: .milliseconds(200), database: database))
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response async throws in
                try response.expectProblem(.serviceUnavailable, code: "timed_out")
            }
            await release.open()
        }
    }

    @Test func unknownRoutesAreProblems() async throws {
        try await withApp { client, _ async throws in
            try await client.execute(uri: "/v1/nothing-here", method: .get) { response async throws in
                try response.expectProblem(.notFound, code: "not_found")
            }
            // a path that exists, with a method it does not take
            try await client.execute(uri: "/v1/goals", method: .delete) { response async throws in
                try response.expectProblem(.methodNotAllowed, code: "method_not_allowed")
                #expect(response.headers[.allow] == "GET, HEAD")
            }
            try await client.execute(uri: "/v1/countries/FR", method: .put) { response async throws in
                try response.expectProblem(.methodNotAllowed, code: "method_not_allowed")
            }
            try await client.execute(uri: "/v1/goals", method: .head) { response async throws in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func bodiesOverOneMebibyteAreRefused() async throws {
        try await withApp { client, _ async throws in
            let body = ByteBuffer(repeating: UInt8(ascii: "x"), count: 2 << 20)
            for uri in ["/v1/goals", "/v1/not-a-route"] {
                try await client.execute(uri: uri, method: .post, body: body) { response async throws in
                    try response.expectProblem(.contentTooLarge, code: "body_too_large")
                }
            }
        }
    }

    @Test func theOpenAPIDocumentIsServedAndNamesEveryRoute() async throws {
        try await withApp { client, _ async throws in
            try await client.execute(uri: "/openapi.yaml", method: .get) { response async throws in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/yaml")
                let text = String(buffer: response.body)
                #expect(text.hasPrefix("openapi: 3.1.0"))
                for path in [
                    "/healthz:", "/readyz:", "/openapi.yaml:", "/v1/goals:", "/v1/indicators:",
                    "/v1/indicators/{code}:", "/v1/targets:", "/v1/countries:", "/v1/countries/{cc}:",
                ] {
                    #expect(text.contains("\n  \(path)\n"), "\(path) is not in the document")
                }
            }
        }
    }

    /// Every route the router serves is in the contract, with its method.
    @Test func theOpenAPIDocumentDescribesEveryRoute() async throws {
        try await TestDatabase.withFreshDatabase { url async throws in
            let config = TestDatabase.config(url)
            let database = Database(pool: PostgresClient(configuration: config.database.clientConfiguration()))
            let router = try buildRouter(database: database, clock: .system)
            let described = try OpenAPIOutline.load().operations
            let served = Set(router.routes.map { "\($0.method.rawValue.lowercased()) \($0.path.description)" })
            let documented = served.filter { described.contains($0) }
            #expect(documented.count >= 25)
            // and every path served is documented
            let servedPaths = Set(router.routes.map(\.path.description))
            let describedPaths = Set(described.map { String($0.split(separator: " ")[1]) })
            #expect(servedPaths == describedPaths)
            for operation in described {
                #expect(served.contains(operation), "\(operation) is documented but not served")
            }
        }
    }

    @Test func anUnexpectedErrorIsAGeneric500() throws {
        let problem = ProblemMiddleware<AppRequestContext>().problem(
            for: CocoaError(.fileNoSuchFile, userInfo: ["secret": "/etc/passwd"]),
            request: Request(head: .init(method: .get, scheme: "http", authority: "x", path: "/"), body: .init(buffer: ByteBuffer())),
            logger: TestDatabase.logger
        )
        #expect(problem == .internalError)
        #expect(!problem.detail.contains("passwd"))
    }
}

/// `withTimeout` answers for operations that ignore cancellation, as a query on a
/// connection the server killed does: here, a `Gate` the test opens only at its end.
@Suite struct TimeoutTests {
    @Test func theDeadlineAnswersFirst() async {
        let release = Gate()
        await #expect(throws: TimeoutError.self) {
            try await withTimeout(.milliseconds(100)) { await release.wait() }
        }
        await release.open()
        let value = try? await withTimeout(.seconds(30)) { 42 }
        #expect(value == 42)
    }

    /// A cancelled caller (a client gone, a service shutting down) is released at
    /// once, not at the deadline.
    @Test func aCancelledCallerIsReleased() async {
        let started = Gate()
        let release = Gate()
        let caller = Task {
            try await withTimeout(.seconds(60)) {
                await started.open()
                await release.wait()
            }
        }
        await started.wait()
        caller.cancel()
        await #expect(throws: CancellationError.self) { try await caller.value }
        await release.open()
    }
}
