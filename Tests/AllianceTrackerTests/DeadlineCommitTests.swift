import Foundation
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import Testing

@testable import AllianceTracker

/// A request cut off at its deadline stores nothing: its transaction is rolled back,
/// never committed after the 503.
@Suite struct DeadlineCommitTests {
    @Test func aWriteHeldPastTheDeadlineStoresNothing() async throws {
        try await TestDatabase.withFreshDatabase { url in
            var config = TestDatabase.config(url)
            config.clock = TestClock("2025-02-15T12:00:00Z").appClock
            config.requestTimeout = .seconds(2)
            let france = try makeToken(url, role: "country", country: "FR")
            try sql(url, "INSERT INTO reporting_cycles (year, opens_on, due_on, locks_on) VALUES (2024, '2025-01-01', '2025-03-31', '2025-06-30')")
            let app = try buildApplication(config: config)
            try await app.test(.router) { client in
                // another session holds the audit log: the save writes its report, then waits for it
                let audited = try sql(url, "SELECT count(*) FROM audit_log")
                let holder = try LibPQConnection(url: url)
                try holder.execute("SET lock_timeout = '20s'")
                try holder.execute("BEGIN")
                try holder.execute("LOCK TABLE audit_log IN EXCLUSIVE MODE")
                let body = try JSONSerialization.data(withJSONObject: Reporting.completeReport())
                let response = try await client.execute(
                    uri: "/v1/countries/FR/reports/2024",
                    method: .put,
                    headers: [.authorization: "Bearer \(france)", .contentType: "application/json"],
                    body: ByteBuffer(data: body)
                ) { $0 }
                try response.expectProblem(.serviceUnavailable, code: "timed_out")
                #expect(response.headers[.retryAfter] == "5")
                // the save goes on once the audit log is free, and must then roll back, not commit
                try holder.execute("COMMIT")
                // waits until the abandoned transaction, which wrote to reports, has ended
                try holder.execute("BEGIN")
                try holder.execute("LOCK TABLE reports IN ACCESS EXCLUSIVE MODE")
                try holder.execute("ROLLBACK")
                #expect(try sql(url, "SELECT count(*) FROM reports") == [["0"]])
                #expect(try sql(url, "SELECT count(*) FROM report_versions") == [["0"]])
                #expect(try sql(url, "SELECT count(*) FROM audit_log") == audited)
            }
        }
    }

    /// The rule itself, without the timing: the deadline passes while the work runs on,
    /// and the transaction then rolls back instead of committing.
    @Test func aTransactionPastItsDeadlineRollsBack() async throws {
        try await TestDatabase.withFreshDatabase { url in
            let audited = try sql(url, "SELECT count(*) FROM audit_log")
            try await withDatabase(url, logger: TestDatabase.logger) { database in
                let deadline = CommitDeadline()
                do {
                    try await CommitDeadline.$current.withValue(deadline) {
                        try await database.transaction(logger: TestDatabase.logger) { session in
                            try await session.run("INSERT INTO audit_log (actor_role, action, entity) VALUES ('system', 'test.write', 'test')")
                            #expect(deadline.expire())
                        }
                    }
                    Issue.record("a transaction past its deadline committed")
                } catch let error as DomainError {
                    #expect(error.code == .timedOut)
                }
                // without a deadline (the command line, the import) the same work commits
                try await database.transaction(logger: TestDatabase.logger) { session in
                    try await session.run("INSERT INTO audit_log (actor_role, action, entity) VALUES ('system', 'test.write', 'test')")
                }
            }
            #expect(try sql(url, "SELECT count(*) FROM audit_log WHERE action = 'test.write'") == [["1"]])
            #expect(try sql(url, "SELECT count(*) - 1 FROM audit_log") == audited)
        }
    }

    @Test func aCommitInFlightHoldsTheDeadline() {
        let deadline = CommitDeadline()
        #expect(deadline.mayCommit())
        #expect(!deadline.expire())
        #expect(!deadline.mayCommit())
        // a COMMIT that took effect keeps holding it: the answer is then the handler's, or
        // `outcome_unknown`, never `timed_out` ("nothing was stored")
        #expect(!deadline.expire())
        // one the server refused stored nothing: `timed_out` is the truth
        let refused = CommitDeadline()
        #expect(refused.mayCommit())
        refused.notCommitted()
        #expect(refused.expire())
        #expect(!refused.mayCommit())
    }

    @Test func theSessionsRunWithAStatementTimeout() async throws {
        try await TestDatabase.withFreshDatabase { url in
            var config = TestDatabase.config(url)
            config.requestTimeout = .milliseconds(100)
            #expect(config.statementTimeout == .milliseconds(1100))
            let client = PostgresClient(configuration: url.clientConfiguration(statementTimeout: config.statementTimeout))
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask { await client.run() }
                let rows = try await client.query("SHOW statement_timeout", logger: TestDatabase.logger).collect()
                #expect(try rows.first?.decode(String.self) == "1100ms")
                // a statement past it is ended by the server, and answered as timed out
                do {
                    _ = try await client.query("SELECT pg_sleep(3)", logger: TestDatabase.logger).collect()
                    Issue.record("pg_sleep(3) outlived a 1.1 s statement_timeout")
                } catch let error as PSQLError {
                    #expect(DatabaseErrors.domainError(for: error)?.code == .timedOut)
                }
                group.cancelAll()
            }
        }
    }
}
