import Foundation
import Testing

@testable import AllianceTracker

/// sql/0012: the relaxed checks take the new rule and still refuse what no rule allows.
@Suite struct TargetSchemaTests {
    static let insert = """
        INSERT INTO targets (id, indicator, scope, country, rule, threshold, basis, description, min_coverage_pct, change)
        VALUES ('t', 'icse_victims_identified', 'alliance', NULL, $1, $2::numeric, $3, 'x', $4::numeric, $5)
        """

    @Test func theNewRuleIsStoredAndTheOldChecksStillHold() async throws {
        try await TestDatabase.withFreshDatabase { url async throws in
            // OG1.1 as seeded before 0012 keeps working, with the defaults
            #expect(try sql(url, "SELECT min_coverage_pct::text, change FROM targets WHERE id = 'OG1.1'") == [["50", "percent"]])
            let refused: [[String?]] = [
                ["grows", "10", "like_for_like", "50", "percent"],  // unknown rule
                ["level_at_least", nil, "total", "50", "percent"],  // a level without a threshold
                ["annual_growth_at_most", "-5", "total", "50", "percent"],  // growth on a level basis
                ["level_at_least", "1", "total", "101", "percent"],  // coverage over 100
                ["true", "101", "share", "50", "percent"],  // a share over 100
                ["annual_growth_at_most", "-5", "like_for_like", "50", "pp"],  // unknown change
            ]
            for parameters in refused {
                #expect(throws: LibPQError.self, "\(parameters)") { try sql(url, Self.insert, parameters) }
            }
            try sql(url, Self.insert, ["annual_growth_at_most", "-5", "like_for_like", "50", "points"])
            #expect(try sql(url, "SELECT rule, threshold::text, change FROM targets WHERE id = 't'") == [["annual_growth_at_most", "-5", "points"]])
        }
    }
}
