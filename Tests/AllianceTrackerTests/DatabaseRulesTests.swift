import Testing

@testable import AllianceTracker

/// The rules the database itself enforces, whatever the service does.
@Suite struct DatabaseRulesTests {
    @Test func theAuditLogCannotBeChangedEvenByItsOwner() async throws {
        try await TestDatabase.withFreshDatabase { url async throws in
            // the tests connect as the role that owns the table (and a superuser, at that)
            #expect(try sql(url, "SELECT tableowner = current_user FROM pg_tables WHERE tablename = 'audit_log'") == [["t"]])
            try sql(
                url,
                """
                INSERT INTO audit_log (actor_role, action, country, year, entity, new_value, reason)
                VALUES ('system', 'test.recorded', 'FR', 2024, 'report', '{"v": 1}', 'kept forever')
                """
            )
            for statement in ["UPDATE audit_log SET reason = 'rewritten'", "DELETE FROM audit_log", "TRUNCATE audit_log"] {
                #expect(throws: LibPQError.self, "\(statement)") { try sql(url, statement) }
                #expect { try sql(url, statement) } throws: { ($0 as? LibPQError)?.sqlState == "42501" }
            }
            #expect(
                try sql(url, "SELECT action, reason, new_value::text FROM audit_log")
                    == [["test.recorded", "kept forever", #"{"v": 1}"#]]
            )
        }
    }

    @Test func reportsAndValuesKeepTheirRules() async throws {
        try await TestDatabase.withFreshDatabase { url async throws in
            try sql(url, "INSERT INTO reporting_cycles (year, opens_on, due_on, locks_on) VALUES (2024, '2025-01-01', '2025-03-31', '2025-06-30')")
            // a report for an unknown country
            #expect { try sql(url, "INSERT INTO reports (country, year, status, current_version) VALUES ('ZZ', 2024, 'draft', 1)") } throws: {
                ($0 as? LibPQError)?.sqlState == "23503"
            }
            // a report whose current version does not exist is refused at commit
            #expect { try sql(url, "INSERT INTO reports (country, year, status, current_version) VALUES ('FR', 2024, 'draft', 1)") } throws: {
                ($0 as? LibPQError)?.sqlState == "23503"
            }
            try sql(
                url,
                """
                BEGIN;
                INSERT INTO reports (id, country, year, status, current_version)
                    OVERRIDING SYSTEM VALUE VALUES (1, 'FR', 2024, 'draft', 1);
                INSERT INTO report_versions (report_id, version) VALUES (1, 1);
                COMMIT;
                """
            )
            let bad = [
                ("icse_victims_identified", "flow", "-1"),
                ("icse_victims_identified", "flow", "2.5"),
                ("schools_online_safety_pct", "ratio", "100.1"),
                ("notice_takedown_median_days", "duration", "-0.5"),
                ("dedicated_le_unit", "boolean", "2"),
                // a measure kind other than the catalogue's
                ("icse_victims_identified", "ratio", "50"),
            ]
            for (indicator, kind, value) in bad {
                #expect(throws: LibPQError.self, "\(indicator) = \(value)") {
                    try sql(
                        url,
                        "INSERT INTO report_values (report_id, version, indicator, measure_kind, value) VALUES (1, 1, $1, $2, $3::numeric)",
                        [indicator, kind, value]
                    )
                }
            }
            // neither a value nor a reason, or both
            #expect(throws: LibPQError.self) {
                try sql(url, "INSERT INTO report_values (report_id, version, indicator, measure_kind) VALUES (1, 1, 'offenders_convicted', 'flow')")
            }
            try sql(
                url,
                "INSERT INTO report_values (report_id, version, indicator, measure_kind, value) VALUES (1, 1, 'icse_victims_identified', 'flow', 120)"
            )
            #expect { try sql(url, "UPDATE report_values SET value = 121") } throws: { ($0 as? LibPQError)?.sqlState == "42501" }
            #expect { try sql(url, "DELETE FROM report_versions") } throws: { ($0 as? LibPQError)?.sqlState == "42501" }
            #expect(try sql(url, "SELECT indicator, value FROM report_values") == [["icse_victims_identified", "120"]])
        }
    }

    @Test func membershipPeriodsOfOneCountryDoNotOverlap() async throws {
        try await TestDatabase.withFreshDatabase { url async throws in
            #expect { try sql(url, "INSERT INTO memberships (country, joined_on) VALUES ('FR', '2015-01-01')") } throws: {
                ($0 as? LibPQError)?.sqlState == "23P01"
            }
            try sql(url, "INSERT INTO memberships (country, joined_on, left_on) VALUES ('CA', '2014-01-01', '2016-01-01')")
            #expect(try sql(url, "SELECT count(*) FROM memberships WHERE country = 'CA'") == [["1"]])
        }
    }
}
