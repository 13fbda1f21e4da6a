import Foundation
import Logging
import PostgresNIO

/// Writes seed rows with upserts that touch nothing when the stored row already
/// matches (`ON CONFLICT … DO UPDATE … WHERE … IS DISTINCT FROM`), so seeding twice
/// changes nothing and each call can say how many rows it inserted or changed.
struct SeedWriter {
    let connection: PostgresConnection
    let logger: Logger

    /// Writes every record of `table` into `spec.table`; returns the rows changed.
    func upsert(_ spec: SeedTableSpec, _ records: [CSVTable.Record]) async throws -> Int {
        let sql = spec.upsertSQL
        var changed = 0
        for record in records {
            var bindings = PostgresBindings(capacity: spec.columns.count)
            for column in spec.columns {
                bindings.append(record[column.csvName])
            }
            do {
                changed += try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
                    .collect().count
            } catch let error as PSQLError {
                let message = error.serverInfo?[.message] ?? String(reflecting: error)
                throw CSVError(file: record.file, line: record.line, message: "cannot be stored: \(message)")
            }
        }
        return changed
    }
}

/// How one seed file maps onto one table. The SQL is built from these constant
/// names only; every value is a bound parameter.
struct SeedTableSpec {
    struct Column {
        let name: String
        /// The CSV column it comes from, when named differently.
        let csvName: String
        /// How the bound text becomes the column's value.
        let expression: String

        init(_ name: String, from csvName: String? = nil, as type: String = "text", expression: String? = nil) {
            self.name = name
            self.csvName = csvName ?? name
            self.expression = expression ?? "$::\(type)"
        }
    }

    let table: String
    let key: [String]
    let columns: [Column]

    var upsertSQL: String {
        let names = columns.map(\.name)
        let values = columns.enumerated().map { index, column in
            column.expression.replacingOccurrences(of: "$", with: "$\(index + 1)")
        }
        let updated = names.filter { !key.contains($0) }
        let assignments = updated.map { "\($0) = EXCLUDED.\($0)" }
        let stored = updated.map { "\(table).\($0)" }
        let incoming = updated.map { "EXCLUDED.\($0)" }
        return """
            INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(values.joined(separator: ", ")))
            ON CONFLICT (\(key.joined(separator: ", "))) DO UPDATE SET \(assignments.joined(separator: ", "))
            WHERE (\(stored.joined(separator: ", "))) IS DISTINCT FROM (\(incoming.joined(separator: ", ")))
            RETURNING 1
            """
    }
}
