import Foundation
import Testing

@testable import AllianceTracker

@Suite struct ImportTests {
    /// The 48 founders and two later joiners given a date: 50 countries.
    static func fiftyCountries(_ url: DatabaseURL) throws -> [String] {
        try sql(url, "INSERT INTO memberships (country, joined_on) VALUES ('CA', '2014-01-01'), ('MX', '2014-01-01')")
        return try sql(url, "SELECT DISTINCT country::text FROM memberships ORDER BY 1").compactMap { $0[0] }
    }

    static func csv(_ countries: [String], badRow: Int? = nil) -> String {
        var lines = ["country,indicator,value,not_available,note,source,nature"]
        for (index, country) in countries.enumerated() {
            lines.append("\(country),icse_victims_identified,\(100 + index),,,national police,reported")
            lines.append("\(country),dedicated_le_unit,true,,,,")
            lines.append("\(country),hash_database_images,,\"not collected, see note\",,,")
        }
        if let badRow { lines[badRow - 1] = "FR,schools_online_safety_pct,140,,,," }
        return lines.joined(separator: "\n") + "\n"
    }

    private func run(_ url: DatabaseURL, _ text: String, dryRun: Bool = false) async throws -> ReportImporter.Summary {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString).csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let clock = AppClock(now: ISO8601DateFormatter().date(from: "2025-02-15T12:00:00Z")!)
        return try await withDatabase(url, logger: TestDatabase.logger) { database in
            try await ReportImporter(year: 2024, dryRun: dryRun, clock: clock).run(file: file, database: database, logger: TestDatabase.logger)
        }
    }

    private func openCycle(_ url: DatabaseURL) throws {
        try sql(url, "INSERT INTO reporting_cycles (year, opens_on, due_on, locks_on) VALUES (2024, '2025-01-01', '2025-03-31', '2025-06-30')")
    }

    @Test func fiftyCountriesInOneRun() async throws {
        try await TestDatabase.withFreshDatabase { url async throws in
            try openCycle(url)
            let countries = try Self.fiftyCountries(url)
            #expect(countries.count == 50)
            let summary = try await run(url, Self.csv(countries))
            #expect(summary.countries == 50)
            #expect(summary.values == 150)
            #expect(try sql(url, "SELECT count(*), min(current_version), max(current_version) FROM reports") == [["50", "1", "1"]])
            #expect(try sql(url, "SELECT count(*) FROM report_values") == [["150"]])
            #expect(
                try sql(
                    url,
                    "SELECT value::text FROM report_values v JOIN reports p ON p.id = v.report_id WHERE p.country = 'AL' AND indicator = 'icse_victims_identified'"
                ) == [["100"]]
            )
            #expect(try sql(url, "SELECT count(*) FROM audit_log WHERE action = 'report.created' AND actor_role = 'secretariat'") == [["50"]])
            // a second file gives each report its next version, keeping the values it does not name
            _ = try await run(url, "country,indicator,value\nAL,icse_victims_identified,140\n")
            #expect(
                try sql(
                    url,
                    """
                    SELECT p.current_version, count(*) FROM reports p JOIN report_values v ON v.report_id = p.id AND v.version = p.current_version
                    WHERE p.country = 'AL' GROUP BY 1
                    """
                ) == [["2", "3"]]
            )
        }
    }

    @Test func oneBadRowLoadsNothingAndNamesTheRow() async throws {
        try await TestDatabase.withFreshDatabase { url async throws in
            try openCycle(url)
            let countries = try Self.fiftyCountries(url)
            await #expect { try await run(url, Self.csv(countries, badRow: 77)) } throws: { error in
                let text = (error as? ImportError)?.description ?? ""
                return text.contains("row 77") && text.contains("out_of_range")
            }
            #expect(try sql(url, "SELECT (SELECT count(*) FROM reports) + (SELECT count(*) FROM audit_log)") == [["0"]])
        }
    }

    @Test func aDryRunStoresNothing() async throws {
        try await TestDatabase.withFreshDatabase { url async throws in
            try openCycle(url)
            let countries = try Self.fiftyCountries(url)
            let summary = try await run(url, Self.csv(countries), dryRun: true)
            #expect(summary.countries == 50)
            #expect(summary.dryRun)
            #expect(try sql(url, "SELECT (SELECT count(*) FROM reports) + (SELECT count(*) FROM audit_log)") == [["0"]])
        }
    }

    @Test func unknownCountriesAndIndicatorsAreNamedByRow() async throws {
        try await TestDatabase.withFreshDatabase { url async throws in
            try openCycle(url)
            await #expect {
                try await run(url, "country,indicator,value\nFR,nope,1\nZZ,icse_victims_identified,3\nFR,offenders_convicted,lots\n")
            } throws: { error in
                let text = (error as? ImportError)?.description ?? ""
                return text.contains("row 4: invalid_type")
            }
            await #expect { try await run(url, "country,indicator,value\nFR,nope,1\nZZ,icse_victims_identified,3\n") } throws: { error in
                let text = (error as? ImportError)?.description ?? ""
                return text.contains("row 2: unknown_indicator") && text.contains("row 3: unknown_country")
            }
            #expect(try sql(url, "SELECT count(*) FROM reports") == [["0"]])
        }
    }
}
