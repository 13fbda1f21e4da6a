import Foundation
import Logging

/// Loads `seed-data/` into the database in one transaction; seeding twice changes
/// nothing, and the second run reports no changes.
public struct Seeder: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// Rows inserted or changed in one table.
    public struct Change: Sendable {
        public let table: String
        public let rows: Int
    }

    /// Cites the public document itself. `sql/0006_membership_source.sql` wrote the same
    /// text into databases seeded before it: a different text here would change those rows again.
    static let membershipSource =
        "European Commission, list of the 48 launch participants of the Global Alliance against Child Sexual Abuse Online, Brussels, 5 December 2012"

    public func seed(_ database: Database, logger: Logger) async throws -> [Change] {
        // Every file is read and parsed before the database is touched.
        let files = try Self.plan.map { spec, file in (spec, try CSVTable(contentsOf: directory.appendingPathComponent(file))) }
        let countries = files[0].1
        let repository = SeedRepository()
        return try await database.transaction(logger: logger) { session in
            var changes: [Change] = []
            for (spec, table) in files {
                changes.append(Change(table: spec.table, rows: try await repository.upsert(spec, table.records, in: session)))
                if spec.table == "countries" {
                    let periods = Self.foundingPeriods(countries)
                    changes.append(Change(table: "memberships", rows: try await repository.upsert(Self.memberships, periods, in: session)))
                }
            }
            return changes
        }
    }

    /// Only the joining dates the reference gives: a later joiner without one gets
    /// no membership period rather than an invented date.
    static func foundingPeriods(_ countries: CSVTable) -> [CSVTable.Record] {
        countries.records.compactMap { record in
            guard let joined = record["joined_on"], let code = record["code"] else { return nil }
            return CSVTable.Record(
                file: record.file,
                line: record.line,
                values: ["country": code, "joined_on": joined, "source": membershipSource]
            )
        }
    }

    static let plan: [(SeedTableSpec, String)] = [
        (
            SeedTableSpec(
                table: "countries",
                key: ["code"],
                columns: [
                    .init("code"), .init("name"), .init("region"), .init("iso_official", as: "boolean"),
                    .init("eu_member_at_launch", as: "boolean"), .init("founding_member", as: "boolean"), .init("note"),
                ],
                // the secretariat changes countries through the API (audited); a restart
                // of ./scripts/run seeds again and must not undo that
                keepsStoredRows: true
            ), "countries.csv"
        ),
        (
            SeedTableSpec(
                table: "goals",
                key: ["id"],
                columns: [
                    .init("id", as: "smallint"), .init("code"), .init("title"), .init("wording"), .init("confidence"),
                    .init("source"),
                ]
            ), "goals.csv"
        ),
        (
            SeedTableSpec(
                table: "operational_goals",
                key: ["code"],
                columns: [
                    .init("code"), .init("goal", as: "smallint"), .init("wording"), .init("confidence"), .init("source"),
                ]
            ), "operational_goals.csv"
        ),
        (
            SeedTableSpec(
                table: "indicators",
                key: ["code"],
                columns: [
                    .init("code"), .init("goal", as: "smallint"), .init("operational_goal"), .init("name"), .init("unit"),
                    .init("measure_kind"), .init("definition"), .init("expected_min", as: "numeric"),
                    .init("expected_max", as: "numeric"), .init("headline", as: "boolean"),
                ]
            ), "indicators.csv"
        ),
        (
            SeedTableSpec(
                table: "targets",
                key: ["id"],
                columns: [
                    .init("id"), .init("indicator"), .init("operational_goal"), .init("scope"), .init("country"),
                    .init("rule"), .init("threshold", as: "numeric"), .init("basis"), .init("baseline_year", as: "smallint"),
                    .init("description"), .init("source"),
                ],
                // the secretariat changes targets through the API (audited): seeding
                // again adds the targets it lacks and leaves the stored ones alone
                keepsStoredRows: true
            ), "targets.csv"
        ),
        (
            SeedTableSpec(
                table: "reference_series",
                key: ["code"],
                columns: [
                    .init("code"), .init("name"), .init("publisher"), .init("unit"), .init("cumulative", as: "boolean"),
                    .init("caveat"),
                ]
            ), "reference_series.csv"
        ),
        (
            SeedTableSpec(
                table: "reference_observations",
                key: ["series", "year", "period"],
                columns: [
                    .init("series"), .init("year", as: "smallint"), .init("period", expression: "coalesce($::text, '')"),
                    .init("value", as: "numeric"), .init("counting"), .init("detail"), .init("confidence"),
                    .init("confidence_note"), .init("sources", expression: "string_to_array($::text, ' | ')"),
                ]
            ), "reference_observations.csv"
        ),
    ]

    static let memberships = SeedTableSpec(
        table: "memberships",
        key: ["country", "joined_on"],
        columns: [
            .init("country"), .init("joined_on", as: "date"), .init("source"),
        ]
    )
}
