import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// Two databases play the primary and the standby. The standby is a clone with marks
/// of its own (a name no primary has, a release the primary lacks), so every answer
/// says which of the two it was read from; nothing here replicates.
enum StandbyFixtures {
    static let mark = " [standby]"
    /// Where nothing listens: a database that is down.
    static let down: DatabaseURL = {
        var url = TestDatabase.adminURL
        url.port = 1
        return url
    }()

    /// Marks France and the victims indicator, then publishes 2024 through an app of its own.
    static func prepare(standby url: DatabaseURL) async throws {
        try sql(url, "UPDATE countries SET name = name || '\(mark)' WHERE code = 'FR'")
        try sql(url, "UPDATE indicators SET name = name || '\(mark)' WHERE code = '\(SummaryTests.victims)'")
        try SummaryTests.history(url)
        let token = try makeToken(url, role: "secretariat", country: nil)
        let app = try buildApplication(config: TestDatabase.config(url))
        try await app.test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/summaries/2024/releases",
                method: .post,
                headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                body: ByteBuffer(string: "{}")
            )
            #expect(response.status == .created, "\(response.text)")
        }
    }

    /// Runs `body` against an app whose primary is `primary` and whose standby is a
    /// fresh, prepared clone; `standbyDown` points the standby at nothing instead.
    static func withStandby(
        primaryDown: Bool = false,
        standbyDown: Bool = false,
        _ body: @escaping @Sendable (Reporting, _ standby: DatabaseURL) async throws -> Void
    ) async throws {
        try await TestDatabase.withFreshDatabase { standby in
            try await prepare(standby: standby)
            try await withReporting(configure: { config in
                config.replicaDatabase = TestDatabase.asService(standbyDown ? down : standby)
                // the standby here holds a release its primary lacks, which a real one never does:
                // the listener's reload from the primary at start would race the first read
                config.listensForReleases = false
                if primaryDown { config.database = TestDatabase.asService(down) }
            }) { r in try await body(r, standby) }
        }
    }
}
