import Testing

@testable import AllianceTracker

/// Connected as the service role, the append-only tables refuse every change by
/// privilege, not by their triggers (which raise the same SQLSTATE 42501, so the
/// tests assert the privilege error's own text), and nothing can be altered or dropped.
@Suite struct AppendOnlyPrivilegeTests {
    /// Each append-only table, a column to "rewrite", and its guarding trigger.
    static let tables: [(table: String, column: String, trigger: String)] = [
        ("audit_log", "reason", "audit_log_append_only"),
        ("report_versions", "version", "report_versions_immutable"),
        ("report_values", "version", "report_values_immutable"),
        ("report_narratives", "version", "report_narratives_immutable"),
        ("summary_releases", "year", "summary_releases_immutable"),
        ("published_summaries", "year", "published_summaries_immutable"),
        ("release_figures", "data_year", "release_figures_immutable"),
        ("release_goal_figures", "data_year", "release_goal_figures_immutable"),
    ]

    @Test(arguments: tables.map(\.table))
    func theServiceCannotRewriteTheRecord(table: String) async throws {
        let (_, column, trigger) = try #require(Self.tables.first { $0.table == table })
        try await TestDatabase.withFreshDatabase { url async throws in
            try sql(
                url,
                """
                INSERT INTO audit_log (actor_role, action, country, year, entity, new_value, reason)
                VALUES ('system', 'test.recorded', 'FR', 2024, 'report', '{"v": 1}', 'kept forever')
                """
            )
            let before = try Self.snapshot(url)
            let service = TestDatabase.asService(url)
            let refusals = [
                ("UPDATE \(table) SET \(column) = \(column)", "permission denied for table \(table)"),
                ("DELETE FROM \(table)", "permission denied for table \(table)"),
                ("TRUNCATE \(table)", "permission denied for table \(table)"),
                ("ALTER TABLE \(table) DISABLE TRIGGER \(trigger)", "must be owner of"),
                ("ALTER TABLE \(table) DISABLE TRIGGER ALL", "must be owner of"),
                ("DROP TRIGGER \(trigger) ON \(table)", "must be owner of"),
                ("DROP TABLE \(table) CASCADE", "must be owner of"),
                ("ALTER TABLE \(table) OWNER TO \(ServiceRole().name)", "must be owner of"),
            ]
            for (statement, text) in refusals {
                #expect(statement.isEmpty == false)
                #expect { try sql(service, statement) } throws: { error in
                    guard let error = error as? LibPQError else { return false }
                    // the triggers' own message is "<table> is append-only: <op> is not allowed"
                    return error.sqlState == "42501" && error.message.contains(text) && error.message.hasSuffix(" \(table)")
                        && !error.message.contains("append-only")
                }
            }
            // it may still read and add
            #expect(try sql(service, "SELECT count(*) >= 0 FROM \(table)") == [["t"]])
            #expect(try Self.snapshot(url) == before, "nothing changed")
        }
    }

    /// Every append-only table's rows and its triggers, as the owner sees them.
    static func snapshot(_ url: DatabaseURL) throws -> [[String?]] {
        try tables.flatMap { entry in
            try sql(url, "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \(entry.table) t")
        }
            + sql(url, "SELECT tgname, tgenabled::text FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname")
    }
}
