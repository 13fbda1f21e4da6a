import Testing

@testable import AllianceTracker

@Suite struct SeedTests {
    @Test func seedLoadsTheReferenceFacts() async throws {
        try await TestDatabase.withFreshDatabase { url async throws in
            #expect(try sql(url, "SELECT count(*), count(*) FILTER (WHERE founding_member) FROM countries") == [["55", "48"]])
            // every founding member joined at the launch; later joiners have no invented date
            #expect(
                try sql(
                    url,
                    """
                    SELECT count(*) FROM memberships m JOIN countries c ON c.code = m.country
                    WHERE c.founding_member AND m.joined_on = '2012-12-05'
                    """
                ) == [["48"]]
            )
            #expect(
                try sql(
                    url,
                    """
                    SELECT string_agg(code, ',' ORDER BY code) FROM countries c
                    WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.country = c.code)
                    """
                ) == [["AM,BA,CA,CR,IL,MX,XK"]]
            )
            #expect(try sql(url, "SELECT count(*) FROM goals") == [["4"]])
            #expect(
                try sql(url, "SELECT string_agg(code, ',' ORDER BY code) FROM operational_goals")
                    == [["OG1.1,OG1.2,OG2.1,OG3.1,OG3.2,OG4.1,OG4.2"]]
            )
            #expect(try sql(url, "SELECT min(n) >= 3 FROM (SELECT count(*) n FROM indicators GROUP BY goal) g") == [["t"]])
            #expect(
                try sql(url, "SELECT string_agg(DISTINCT measure_kind, ',') FROM indicators")
                    == [["boolean,duration,flow,ratio,stock"]]
            )
            #expect(
                try sql(url, "SELECT goal, operational_goal, measure_kind FROM indicators WHERE code = 'icse_victims_identified'")
                    == [["1", "OG1.1", "flow"]]
            )
            #expect(
                try sql(url, "SELECT indicator, scope, rule, threshold, basis FROM targets WHERE id = 'OG1.1'")
                    == [["icse_victims_identified", "alliance", "annual_growth_at_least", "10", "cumulative_level"]]
            )
            // 61 published figures in the reference, one of them unverified (M) and left out
            #expect(
                try sql(url, "SELECT count(*), count(*) FILTER (WHERE confidence = 'D') FROM reference_observations")
                    == [["60", "3"]]
            )
            #expect(
                try sql(url, "SELECT count(DISTINCT counting) FROM reference_observations WHERE series = 'inhope_network_figures'")
                    == [["7"]]
            )
            #expect(
                try sql(url, "SELECT counting FROM reference_observations WHERE series = 'ncmec_cybertipline_reports' AND year = 2024")
                    == [["reports after bundling"]]
            )
        }
    }

    @Test func seedingTwiceChangesNothing() async throws {
        try await TestDatabase.withFreshDatabase { url async throws in
            let before = try snapshot(url)
            let changes = try await withDatabase(url, logger: TestDatabase.logger) { client in
                try await Seeder(directory: TestDatabase.seedDirectory).seed(client, logger: TestDatabase.logger)
            }
            #expect(changes.map(\.rows).allSatisfy { $0 == 0 }, "\(changes)")
            #expect(changes.count == 8)
            #expect(try snapshot(url) == before)
        }
    }

    /// Countries are the secretariat's once stored: seeding again (every start of
    /// ./scripts/run) adds the missing ones and leaves a changed one as it was changed.
    @Test func seedingAgainKeepsTheSecretariatsChangesToACountry() async throws {
        try await TestDatabase.withFreshDatabase { url async throws in
            try sql(url, "UPDATE countries SET note = 'changed by the secretariat', region = 'Asia' WHERE code = 'FR'")
            try sql(url, "DELETE FROM countries WHERE code = 'XK'")
            try sql(url, "UPDATE targets SET threshold = 12 WHERE id = 'OG1.1'")
            let changes = try await withDatabase(url, logger: TestDatabase.logger) { client in
                try await Seeder(directory: TestDatabase.seedDirectory).seed(client, logger: TestDatabase.logger)
            }
            #expect(changes.first { $0.table == "countries" }?.rows == 1, "\(changes)")
            #expect(try sql(url, "SELECT note, region FROM countries WHERE code = 'FR'") == [["changed by the secretariat", "Asia"]])
            #expect(try sql(url, "SELECT count(*) FROM countries") == [["55"]])
            #expect(try sql(url, "SELECT threshold::text FROM targets WHERE id = 'OG1.1'") == [["12"]])
        }
    }

    /// A database seeded before the sources were corrected gets them when seeded again:
    /// the reference figures are the seed files', not the secretariat's.
    @Test func seedingAgainCorrectsASourceNamedBefore() async throws {
        try await TestDatabase.withFreshDatabase { url async throws in
            let placeholder = "GitHub code index (find_string \"Offender support systems\")"
            try sql(
                url,
                "UPDATE reference_observations SET sources = ARRAY[$1::text] WHERE series = 'inhope_network_figures' AND year IN (2013, 2014) AND period = ''",
                [placeholder]
            )
            try sql(
                url,
                "UPDATE reference_observations SET sources = array_append(sources, $1::text) WHERE series = 'ncmec_cybertipline_reports' AND year = 2015",
                [placeholder]
            )
            let changes = try await withDatabase(url, logger: TestDatabase.logger) { client in
                try await Seeder(directory: TestDatabase.seedDirectory).seed(client, logger: TestDatabase.logger)
            }
            #expect(changes.first { $0.table == "reference_observations" }?.rows == 3, "\(changes)")
            let weprotect = "WePROTECT Global Alliance website statistics panel (c. 2017); no stable address found"
            let inhope =
                "SELECT year, array_to_string(sources, ' | ') FROM reference_observations WHERE series = 'inhope_network_figures' AND year IN (2013, 2014) AND period = '' ORDER BY year"
            #expect(try sql(url, inhope) == [["2013", weprotect], ["2014", weprotect]])
            let ncmec = try sql(url, "SELECT sources FROM reference_observations WHERE series = 'ncmec_cybertipline_reports' AND year = 2015")
            #expect(ncmec.count == 1 && ncmec[0][0]?.contains("find_string") == false && ncmec[0][0]?.contains("missingkids.org") == true)
        }
    }

    /// Every source shown is a citation a reader can follow (an address) or recognise
    /// (a publication named in words): none is a note of how a figure was found.
    @Test func noSeededSourceIsAPlaceholder() async throws {
        try await TestDatabase.withFreshDatabase { url async throws in
            let placeholders = ["%find_string%", "%github code index%", "%todo%", "%example.%", "%placeholder%", "%tbd%"]
            for pattern in placeholders {
                let found = try sql(
                    url,
                    """
                    SELECT series || ' ' || year, s FROM reference_observations, unnest(sources) s WHERE s ILIKE $1
                    UNION ALL SELECT 'goal ' || id, source FROM goals WHERE source ILIKE $1
                    UNION ALL SELECT 'operational goal ' || code, source FROM operational_goals WHERE source ILIKE $1
                    UNION ALL SELECT 'target ' || id, source FROM targets WHERE source ILIKE $1
                    UNION ALL SELECT 'membership ' || country, source FROM memberships WHERE source ILIKE $1
                    """,
                    [pattern]
                )
                #expect(found.isEmpty, "\(pattern): \(found)")
            }
            #expect(try sql(url, "SELECT count(*) FROM reference_observations WHERE cardinality(sources) = 0 OR '' = ANY (sources)") == [["0"]])
        }
    }

    /// Every seeded table, as text, in a stable order.
    private func snapshot(_ url: DatabaseURL) throws -> [[String?]] {
        try [
            "countries", "memberships", "goals", "operational_goals", "indicators", "targets",
            "reference_series", "reference_observations",
        ].flatMap { table in
            try sql(url, "SELECT t::text FROM \(table) t ORDER BY 1")
        }
    }
}
