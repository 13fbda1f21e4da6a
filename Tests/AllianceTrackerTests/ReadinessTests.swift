import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// `/readyz` in every combination of the primary and the standby being up, down or
/// absent (issue 15): ready for public reads while either answers, for writes only
/// while the primary does.
@Suite struct ReadinessTests {
    enum Standby: Sendable, CustomStringConvertible {
        case none, up, down
        var description: String { "standby \(self == .none ? "none" : self == .up ? "up" : "down")" }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let primaryUp: Bool
        let standby: Standby
        var testDescription: String { "primary \(primaryUp ? "up" : "down"), \(standby)" }
        var body: [String: String] {
            let standby =
                switch standby {
                case .none: "not_configured"
                case .up: "reachable"
                case .down: "unreachable"
                }
            return ["status": "ready", "primary": primaryUp ? "reachable" : "unreachable", "standby": standby]
        }
        var readyForReads: Bool { primaryUp || standby == .up }
    }

    static let cases = [true, false].flatMap { up in [Standby.none, .up, .down].map { Case(primaryUp: up, standby: $0) } }

    @Test(arguments: cases) func readiness(_ c: Case) async throws {
        try await TestDatabase.withFreshDatabase { url in
            var config = TestDatabase.config(url)
            if !c.primaryUp { config.database = TestDatabase.asService(StandbyFixtures.down) }
            switch c.standby {
            case .none: break
            case .up: config.replicaDatabase = TestDatabase.asService(url)
            case .down: config.replicaDatabase = TestDatabase.asService(StandbyFixtures.down)
            }
            let app = try buildApplication(config: config)
            try await app.test(.router) { client in
                // a database that is up may take longer than /readyz's 2 s to open its first
                // connection on a busy test cluster: ask again (a test never fails on a timing)
                for query in ["", "?writes=true", "?writes=false"] {
                    let ready = c.readyForReads && query != "?writes=true" || c.primaryUp
                    var response = try await client.execute(uri: "/readyz" + query, method: .get) { $0 }
                    for _ in 0..<30 where try !Self.matches(response, c, ready: ready) {
                        response = try await client.execute(uri: "/readyz" + query, method: .get) { $0 }
                    }
                    if ready {
                        #expect(response.status == .ok, "\(query): \(response.text)")
                        #expect(try response.json() as? [String: String] == c.body, "\(query)")
                    } else {
                        try response.expectProblem(.serviceUnavailable, code: "database_unavailable")
                    }
                }
                try await client.execute(uri: "/readyz?writes=yes", method: .get) { response in
                    try response.expectProblem(.badRequest, code: "invalid_parameter")
                }
            }
        }
    }

    static func matches(_ response: TestResponse, _ c: Case, ready: Bool) throws -> Bool {
        guard ready else { return response.status == .serviceUnavailable }
        return response.status == .ok && (try? response.json() as? [String: String]) == c.body
    }
}
