import AllianceTracker
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Drives the real application, on its own fresh database, through its router.
func withApp<T: Sendable>(_ body: @escaping @Sendable (any TestClientProtocol, DatabaseURL) async throws -> T) async throws -> T {
    try await TestDatabase.withFreshDatabase { url in
        let app = try buildApplication(config: TestDatabase.config(url))
        return try await app.test(.router) { client in try await body(client, url) }
    }
}

extension TestResponse {
    /// The body parsed as a JSON object.
    func json() throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(buffer: body))
        return try #require(value as? [String: Any], "body is not a JSON object: \(String(buffer: body))")
    }

    /// Asserts a problem+json answer with this status and code.
    func expectProblem(_ status: HTTPResponse.Status, code: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(self.status == status, "status", sourceLocation: sourceLocation)
        #expect(headers[.contentType] == "application/problem+json", sourceLocation: sourceLocation)
        let body = try json()
        #expect(body["code"] as? String == code, "code in \(body)", sourceLocation: sourceLocation)
        #expect(body["status"] as? Int == Int(status.code), sourceLocation: sourceLocation)
        #expect((body["title"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
        #expect((body["detail"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
        #expect((body["type"] as? String)?.hasSuffix(code) == true, sourceLocation: sourceLocation)
    }
}

/// Runs SQL on a test database with libpq and returns the rows as text.
@discardableResult
func sql(_ url: DatabaseURL, _ statement: String, _ parameters: [String?] = []) throws -> [[String?]] {
    let connection = try LibPQConnection(url: url)
    return parameters.isEmpty ? try connection.execute(statement) : try connection.execute(statement, parameters: parameters)
}
