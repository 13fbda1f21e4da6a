import Testing

@testable import AllianceTracker

/// What the service's role may do with each table. A migration that adds a table
/// must decide (grant to `alliance_app`, or deliberately not): a table missing from
/// `expected` fails the test.
@Suite struct ServicePrivilegeTests {
    static let appendOnly: Set<String> = ["SELECT", "INSERT"]
    static let readOnly: Set<String> = ["SELECT"]
    static let changed: Set<String> = ["SELECT", "INSERT", "UPDATE"]
    static let replaced: Set<String> = ["SELECT", "INSERT", "DELETE"]
    static let rewritten: Set<String> = ["SELECT", "INSERT", "UPDATE", "DELETE"]

    static let expected: [String: Set<String>] = [
        "audit_log": appendOnly, "report_versions": appendOnly, "report_values": appendOnly,
        "report_narratives": appendOnly, "summary_releases": appendOnly, "published_summaries": appendOnly, "release_figures": appendOnly,
        "release_goal_figures": appendOnly,
        "goals": readOnly, "operational_goals": readOnly, "indicators": readOnly,
        "reference_series": readOnly, "reference_observations": readOnly,
        "countries": changed, "memberships": changed, "targets": changed, "tokens": changed,
        "reporting_cycles": changed, "lock_exceptions": changed, "commitments": changed, "reports": changed,
        "cycle_required_indicators": replaced,
        "cycle_expected_reporters": rewritten, "cycle_expected_removals": rewritten,
        "idempotency_keys": rewritten,
        "summary_data_version": readOnly, "summary_level_runs": readOnly,
        "summary_values": readOnly, "summary_year_figures": readOnly, "summary_pair_figures": readOnly,
        "summary_baseline_figures": readOnly, "summary_level_figures": readOnly,
        "schema_migrations": [],
    ]

    @Test func everyTableHasAPrivilegeDecision() async throws {
        try await TestDatabase.withFreshDatabase { url async throws in
            let rows = try sql(
                url,
                """
                SELECT c.relname, p.privilege
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) p (privilege)
                    ON has_table_privilege($1, c.oid, p.privilege)
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                """,
                [ServiceRole.group]
            )
            var granted: [String: Set<String>] = [:]
            for row in rows {
                let table = try #require(row[0])
                granted[table, default: []].formUnion(row[1].map { [$0] } ?? [])
            }
            let undecided = Set(granted.keys).subtracting(Self.expected.keys).sorted()
            #expect(undecided.isEmpty, "tables with no privilege decision for the service: add them to `expected` and grant in their migration")
            #expect(Set(Self.expected.keys).subtracting(granted.keys).isEmpty, "tables in `expected` that no longer exist")
            for (table, privileges) in granted.sorted(by: { $0.key < $1.key }) {
                #expect(privileges == Self.expected[table], "\(table)")
            }
            // sequences and the schema: nothing to create, reset or own
            #expect(try sql(url, "SELECT has_schema_privilege($1, 'public', 'CREATE')", [ServiceRole.group]) == [["f"]])
            let sequences = try sql(
                url,
                "SELECT count(*) FROM pg_class WHERE CASE WHEN relkind = 'S' THEN has_sequence_privilege($1, oid, 'USAGE,UPDATE,SELECT') END",
                [ServiceRole.group]
            )
            #expect(sequences == [["0"]])
        }
    }

    @Test func theServiceRoleOwnsNothingAndIsNoSuperuser() async throws {
        try await TestDatabase.withFreshDatabase { url async throws in
            let service = TestDatabase.asService(url)
            #expect(TestDatabase.config(url).database.username == ServiceRole().name)
            #expect(
                try sql(
                    service,
                    """
                    SELECT r.rolsuper, r.rolcreaterole, r.rolcreatedb, pg_has_role(current_user, $1, 'MEMBER'),
                           (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid)
                    FROM pg_roles r WHERE r.rolname = current_user
                    """,
                    [ServiceRole.group]
                ) == [["f", "f", "f", "t", "0"]]
            )
            #expect { try sql(service, "CREATE TABLE mine (x int)") } throws: { Self.isPrivilegeError($0, "permission denied for schema public") }
        }
    }

    static func isPrivilegeError(_ error: any Error, _ text: String) -> Bool {
        guard let error = error as? LibPQError else { return false }
        return error.sqlState == "42501" && error.message.contains(text)
    }
}
