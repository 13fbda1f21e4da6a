import Foundation
import Testing

@testable import AllianceTracker

/// `alliance import --submit --accept`: the reports the file touched end accepted, in one
/// transaction; a failed submission check stores nothing and names its row.
@Suite struct ImportFinishTests {
    @Test func fiftyCountriesEndAcceptedWithTheirAuditTrail() async throws {
        try await withReporting { r in
            let countries = try await ImportFixtures.fiftyExpected(r)
            #expect(countries.count == 50)
            #expect(countries.contains("MX") && countries.contains("XK"))
            let summary = try await ImportFixtures.commandLine(r, ImportFixtures.csv(countries))
            #expect([summary.countries, summary.values, summary.submitted, summary.accepted] as [Int] == [50, 150, 50, 50])
            #expect(!summary.dryRun)
            #expect(
                try sql(r.url, "SELECT status::text, count(*), min(accepted_version), max(accepted_version) FROM reports GROUP BY 1")
                    == [["accepted", "50", "1", "1"]]
            )
            #expect(
                try sql(
                    r.url,
                    """
                    SELECT action, actor_role::text, count(*), count(DISTINCT country), min(coalesce(reason, '')), max(actor_token)
                    FROM audit_log WHERE action IN ('report.created', 'report.submitted', 'report.accepted') GROUP BY 1, 2 ORDER BY 1
                    """
                ) == [
                    ["report.accepted", "secretariat", "50", "50", ImportFixtures.comment, nil],
                    ["report.created", "secretariat", "50", "50", "", nil],
                    ["report.submitted", "secretariat", "50", "50", "", nil],
                ]
            )
        }
    }

    @Test func oneUnjustifiedWarningStoresNothingAndNamesItsRow() async throws {
        try await withReporting { r in
            let countries = try await ImportFixtures.fiftyExpected(r)
            let before = try ImportFixtures.stored(r.url)
            // row 101: the 34th country's victims, over the expected maximum of 20000, without a note
            await #expect { try await ImportFixtures.commandLine(r, ImportFixtures.csv(countries, victims: (101, 25000))) } throws: { error in
                let problems = (error as? ImportError)?.problems ?? []
                return problems.count == 1 && problems[0].row == 101 && problems[0].code == "outside_expected_range"
                    && problems[0].message.hasPrefix("\(countries[33]): values.icse_victims_identified.note")
            }
            #expect(try ImportFixtures.stored(r.url) == before)
            // submitting alone meets the same check; loading alone does not
            await #expect(throws: ImportError.self) {
                try await ImportFixtures.commandLine(r, ImportFixtures.csv(countries, victims: (101, 25000)), accept: false, comment: nil)
            }
            #expect(try ImportFixtures.stored(r.url) == before)
            let loaded = try await ImportFixtures.commandLine(
                r,
                ImportFixtures.csv(countries, victims: (101, 25000)),
                submit: false,
                accept: false,
                comment: nil
            )
            #expect([loaded.countries, loaded.submitted, loaded.accepted] as [Int] == [50, 0, 0])
            #expect(try sql(r.url, "SELECT status::text, count(*) FROM reports GROUP BY 1") == [["draft", "50"]])
        }
    }

    @Test func aMissingRequiredValueNamesTheCountrysFirstRow() async throws {
        try await withReporting { r in
            let countries = try await ImportFixtures.fiftyExpected(r)
            let before = try ImportFixtures.stored(r.url)
            // row 6, the second country's dedicated_le_unit, left out: its first row, 5, is named
            await #expect { try await ImportFixtures.commandLine(r, ImportFixtures.csv(countries, dropping: 6)) } throws: { error in
                let problems = (error as? ImportError)?.problems ?? []
                return problems.map(\.row) == [5] && problems[0].code == "missing_indicator"
                    && problems[0].message.contains("values.dedicated_le_unit (not in the file)")
            }
            #expect(try ImportFixtures.stored(r.url) == before)
        }
    }

    @Test func acceptNeedsSubmitAndAComment() async throws {
        try await withReporting { r in
            let countries = try await ImportFixtures.fiftyExpected(r)
            let before = try ImportFixtures.stored(r.url)
            let text = ImportFixtures.csv(countries)
            await #expect { try await ImportFixtures.commandLine(r, text, comment: "  ") } throws: { error in
                ImportFinishTests.codes(error) == ["0 missing_comment"]
            }
            await #expect { try await ImportFixtures.commandLine(r, text, submit: false) } throws: { error in
                ImportFinishTests.codes(error) == ["0 invalid_parameter"]
            }
            let dry = try await ImportFixtures.commandLine(r, text, dryRun: true)
            #expect([dry.submitted, dry.accepted] as [Int] == [50, 50])
            #expect(dry.dryRun)
            #expect(try ImportFixtures.stored(r.url) == before)
        }
    }

    @Test func aFileWithANulIsRefusedByRow() async throws {
        try await withReporting { r in
            try await r.openCycle2024()
            let text = "country,indicator,value,note\nFR,icse_victims_identified,5,\nFR,offenders_convicted,3,a\0b\n"
            await #expect { try await ImportFixtures.commandLine(r, text, submit: false, accept: false, comment: nil) } throws: { error in
                ImportFinishTests.codes(error) == ["3 invalid_body"]
            }
            #expect(try sql(r.url, "SELECT count(*) FROM reports") == [["0"]])
        }
    }

    static func codes(_ error: any Error) -> [String] {
        ((error as? ImportError)?.problems ?? []).map { "\($0.row) \($0.code)" }
    }
}
