import Foundation
import Logging
import PostgresNIO

/// Writes seed rows with upserts that touch nothing when the stored row already
/// matches (`ON CONFLICT … DO UPDATE … WHERE … IS DISTINCT FROM`), so seeding twice
/// changes nothing and each call can say how many rows it inserted or changed; a
/// table whose stored rows win (`keepsStoredRows`) only gets the rows it lacks.
struct SeedRepository: Sendable {
    /// Writes every record of `table` into `spec.table`; returns the rows changed.
    func upsert(_ spec: SeedTableSpec, _ records: [CSVTable.Record], in session: DatabaseSession) async throws -> Int {
        let sql = Self.upsertSQL(spec)
        var changed = 0
        for record in records {
            var bindings = PostgresBindings(capacity: spec.columns.count)
            for column in spec.columns {
                bindings.append(record[column.csvName])
            }
            do {
                changed += try await session.rows(PostgresQuery(unsafeSQL: sql, binds: bindings)).count
            } catch let error as PSQLError {
                let message = error.serverInfo?[.message] ?? String(reflecting: error)
                throw CSVError(file: record.file, line: record.line, message: "cannot be stored: \(message)")
            }
        }
        return changed
    }

    /// The upsert of one record of `spec`, built from its constant names only;
    /// every value is a bound parameter.
    static func upsertSQL(_ spec: SeedTableSpec) -> String {
        let (table, key, columns) = (spec.table, spec.key, spec.columns)
        let names = columns.map(\.name)
        let values = columns.enumerated().map { index, column in
            column.expression.replacingOccurrences(of: "$", with: "$\(index + 1)")
        }
        if spec.keepsStoredRows {
            return """
                INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(values.joined(separator: ", ")))
                ON CONFLICT (\(key.joined(separator: ", "))) DO NOTHING
                RETURNING 1
                """
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
