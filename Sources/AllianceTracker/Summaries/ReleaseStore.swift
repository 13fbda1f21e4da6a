import Foundation
import Logging
import PostgresNIO

/// The demo's way in to publishing, kept with the signature it calls until the demo
/// calls `ReleaseService` itself.
enum ReleaseStore {
    static func publish(
        year: Int, _ input: ReleaseInput, actor: AuditActor, now: Date, on connection: PostgresConnection, logger: Logger
    ) async throws -> (ReleaseInfo, Summary) {
        try await ReleaseService.publish(year: year, input, actor: actor, now: now, disclosure: .standard,
                                         on: DatabaseSession(connection: connection, logger: logger))
    }
}

extension Disclosure {
    /// SPEC §4's threshold, which `DISCLOSURE_MIN_COUNTRIES` changes.
    static let standard = Disclosure(minimumCountries: 3)
}
