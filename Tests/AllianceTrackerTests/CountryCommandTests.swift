import Foundation
import Logging
import Testing

@testable import AllianceTracker

/// What `alliance country join|leave` does: the dates it takes, and the service
/// calls it makes, audited as the command line.
@Suite struct CountryCommandTests {
    @Test func datesAreCalendarDatesFrom2000To2100() throws {
        #expect(try MembershipDay.check("2025-03-31", field: "on") == "2025-03-31")
        #expect(try MembershipDay.check("2100-12-31", field: "on") == "2100-12-31")
        for bad in ["2025-02-30", "31/03/2025", "2025-3-31", "1999-12-31", "2101-01-01", "2025-03-31T00:00:00Z", ""] {
            #expect(throws: DomainError.invalid("on", .invalidDate, "must be a date from 2000-01-01 to 2100-12-31 such as 2025-03-31, not '\(bad)'"))
            {
                try MembershipDay.check(bad, field: "on")
            }
        }
        #expect { try MembershipDay.check(nil, field: "on") } throws: { ($0 as? DomainError)?.publicCode == "missing_field" }
    }

    @Test func leaveClosesTheOpenPeriodAsTheCommandLine() async throws {
        try await TestDatabase.withFreshDatabase { url async throws in
            let logger = Logger(label: "test")
            let outcome = try await withDatabase(url, logger: logger) { database in
                let members = MemberService(database: database, clock: AppClock { Date(timeIntervalSince1970: 1_740_000_000) })
                let add = CountryInput(code: "IS", name: "Iceland", region: "Europe")
                _ = try await members.addCountry(add, reason: "assembly", actor: .commandLine, logger: logger)
                // nothing open yet
                let early = await #expect(throws: DomainError.self) {
                    try await members.end(country: "IS", id: nil, leftOn: "2025-06-01", reason: "gone", actor: .commandLine, logger: logger)
                }
                let joined = try await members.join(country: "IS", joinedOn: "2025-01-01", reason: "joined", actor: .commandLine, logger: logger)
                let left = try await members.end(country: "IS", id: nil, leftOn: "2025-06-01", reason: "gone", actor: .commandLine, logger: logger)
                return (early?.publicCode, joined.id == left.id, left.left)
            }
            #expect(outcome.0 == "not_a_member")
            #expect(outcome.1)
            #expect(outcome.2 == "2025-06-01")
            let audit = try sql(url, "SELECT action, actor_role, actor_token IS NULL, reason FROM audit_log ORDER BY id")
            #expect(
                audit == [
                    ["country.created", "secretariat", "t", "assembly"], ["membership.joined", "secretariat", "t", "joined"],
                    ["membership.left_on_changed", "secretariat", "t", "gone"],
                ]
            )
        }
    }
}
