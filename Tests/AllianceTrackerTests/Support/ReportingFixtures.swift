import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@testable import AllianceTracker

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ iso: String) {
        current = Mutex(ISO8601DateFormatter().date(from: iso)!)
    }

    func set(_ iso: String) {
        let date = ISO8601DateFormatter().date(from: iso)!
        current.withLock { $0 = date }
    }

    var appClock: AppClock { AppClock { [self] in current.withLock { $0 } } }
}

/// The 2024 cycle used by the reporting tests: opens 2025-01-01, due 2025-03-31,
/// locks 2025-06-30. The test clock starts inside it.
struct Reporting {
    let client: any TestClientProtocol
    let url: DatabaseURL
    let clock: TestClock
    let secretariat: String
    let france: String
    let germany: String

    static var cycle2024: [String: Any] { ["opens_on": "2025-01-01", "due_on": "2025-03-31", "locks_on": "2025-06-30"] }

    func headers(_ token: String?, _ extra: HTTPFields = [:]) -> HTTPFields {
        var fields = extra
        if let token { fields[.authorization] = "Bearer \(token)" }
        fields[.contentType] = "application/json"
        return fields
    }

    @discardableResult
    func send(
        _ method: HTTPRequest.Method,
        _ uri: String,
        token: String?,
        json: Any? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        let body = try json.map { ByteBuffer(data: try JSONSerialization.data(withJSONObject: $0)) }
        return try await client.execute(uri: uri, method: method, headers: headers(token, extra), body: body) { $0 }
    }

    func openCycle2024() async throws {
        let response = try await send(.put, "/v1/cycles/2024", token: secretariat, json: Self.cycle2024)
        #expect(response.status == .created, "\(String(buffer: response.body))")
    }

    /// A report body giving every indicator of the catalogue a plausible value.
    static func completeReport(victims: Int = 120, note: String? = nil) -> [String: Any] {
        var values: [[String: Any]] = [
            ["indicator": "icse_victims_identified", "value": victims],
            ["indicator": "victims_referred_to_support", "value": 80],
            ["indicator": "victims_supported_within_30_days_pct", "value": 62.5],
            ["indicator": "criminal_law_framework_in_place", "value": true],
            ["indicator": "offenders_identified", "value": 300],
            ["indicator": "offenders_convicted", "value": 95],
            ["indicator": "dedicated_le_unit", "value": true],
            ["indicator": "specialised_investigators", "value": 40],
            ["indicator": "awareness_campaigns", "value": 3],
            ["indicator": "schools_online_safety_pct", "value": 71],
            ["indicator": "national_awareness_strategy", "value": false],
            ["indicator": "hotline_reports_confirmed", "value": 5400],
            ["indicator": "hash_database_images", "not_available": "the national hash database is being rebuilt"],
            ["indicator": "notice_takedown_median_days", "value": 2.5],
            ["indicator": "removed_within_3_days_pct", "value": 88],
        ]
        if let note { values[0]["note"] = note }
        return [
            "values": values,
            "narratives": [["goal": 1, "actions_taken": "Joined ICSE.", "actions_planned": "Train more analysts."]],
        ]
    }
}

/// Runs `body` against the app on a fresh database, with a secretariat token and
/// tokens for France and Germany, the clock at 2025-02-15 (inside the 2024 cycle).
/// `configure` changes the configuration first; `framework` is how requests reach it.
func withReporting(
    configure: @escaping @Sendable (inout Config) -> Void = { _ in },
    framework: TestingSetup = .router,
    _ body: @escaping @Sendable (Reporting) async throws -> Void
) async throws {
    let clock = TestClock("2025-02-15T12:00:00Z")
    try await TestDatabase.withFreshDatabase { url in
        var config = TestDatabase.config(url)
        config.clock = clock.appClock
        configure(&config)
        let tokens = (
            try makeToken(url, role: "secretariat", country: nil),
            try makeToken(url, role: "country", country: "FR"),
            try makeToken(url, role: "country", country: "DE")
        )
        let app = try buildApplication(config: config)
        try await app.test(framework) { client in
            try await body(Reporting(client: client, url: url, clock: clock, secretariat: tokens.0, france: tokens.1, germany: tokens.2))
        }
    }
}

/// A token stored as the service stores it: only the hash of its secret.
func makeToken(_ url: DatabaseURL, role: String, country: String?) throws -> String {
    let secret = TokenSecret.random()
    let hash = TokenSecret.hash(secret).map { String(format: "%02x", $0) }.joined()
    let id = try sql(
        url,
        "INSERT INTO tokens (token_hash, role, country) VALUES (decode($1, 'hex'), $2, $3) RETURNING id",
        [hash, role, country]
    )[0][0]!
    return TokenSecret(id: Int64(id)!, secret: secret).bearer
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
