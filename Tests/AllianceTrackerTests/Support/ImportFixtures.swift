import Foundation
import Testing

@testable import AllianceTracker

/// The 2024 cycle with 50 expected reporters: the 48 founders, and Mexico and Kosovo
/// added through the members API, joining before the cycle's due date.
enum ImportFixtures {
    static let required = ["icse_victims_identified", "dedicated_le_unit", "hash_database_images"]
    static let comment = "Checked against the national returns"

    /// Adds the two members, opens the cycle requiring three indicators; the expected reporters.
    static func fiftyExpected(_ r: Reporting) async throws -> [String] {
        for code in ["MX", "XK"] {
            let joined = try await r.send(
                .post,
                "/v1/countries/\(code)/memberships",
                token: r.secretariat,
                json: ["joined_on": "2014-01-01", "reason": "Joined the Alliance"]
            )
            #expect(joined.status == .created, "\(joined.text)")
        }
        var cycle = Reporting.cycle2024
        cycle["required_indicators"] = required
        let opened = try await r.send(.put, "/v1/cycles/2024", token: r.secretariat, json: cycle)
        #expect(opened.status == .created, "\(opened.text)")
        return try sql(r.url, "SELECT country::text FROM cycle_expected_reporters WHERE year = 2024 ORDER BY 1").compactMap { $0[0] }
    }

    /// Three rows a country, the three required indicators; `victims` sets one row's value (row = line of the file).
    static func csv(_ countries: [String], victims: (row: Int, value: Int)? = nil, dropping: Int? = nil) -> String {
        var lines = ["country,indicator,value,not_available,note,source,nature"]
        for (index, country) in countries.enumerated() {
            lines.append("\(country),icse_victims_identified,\(100 + index),,,national police,reported")
            lines.append("\(country),dedicated_le_unit,true,,,,")
            lines.append("\(country),hash_database_images,,\"not collected, see note\",,,")
        }
        if let victims {
            let country = lines[victims.row - 1].split(separator: ",")[0]
            lines[victims.row - 1] = "\(country),icse_victims_identified,\(victims.value),,,national police,reported"
        }
        if let dropping { lines.remove(at: dropping - 1) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The import as `alliance import` runs it.
    static func commandLine(
        _ r: Reporting,
        _ text: String,
        dryRun: Bool = false,
        submit: Bool = true,
        accept: Bool = true,
        comment: String? = comment
    ) async throws -> ReportImporter.Summary {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString).csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let importer = ReportImporter(year: 2024, dryRun: dryRun, submit: submit, accept: accept, comment: comment, clock: r.clock.appClock)
        return try await withDatabase(r.url, logger: TestDatabase.logger) { database in
            try await importer.run(file: file, database: database, logger: TestDatabase.logger)
        }
    }

    /// What an import changes: the reports, their values and the audit log.
    static func stored(_ url: DatabaseURL) throws -> [[String?]] {
        try sql(url, "SELECT (SELECT count(*) FROM reports), (SELECT count(*) FROM report_values), (SELECT count(*) FROM audit_log)")
    }
}
