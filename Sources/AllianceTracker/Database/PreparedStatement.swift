import PostgresNIO

/// A statement PostgreSQL parses and plans once per connection and from then on runs
/// by name: for the few that every request or every save runs. Sent as text each
/// time instead, parsing and planning them was about a third of the database's work
/// in a save (docs/benchmarks.md, "Filing": pgbench gave 50 % more saves a second
/// with the same statements prepared).
///
/// Each statement names its parameters' types. PostgresNIO would otherwise take them
/// from the first call's values, where a nil has no type and the server would infer
/// one that a later value need not have. A country code compared with a `char(2)`
/// column is `.bpchar`: as `.text` the column is cast to text, and its index (reports
/// by country and year, countries by code) goes unused.
///
/// Each is named by its type's bare name, not PostgresNIO's default
/// (`String(reflecting:)`, which for a private type runs past PostgreSQL's 63 bytes and
/// would be cut).
///
/// A known limit: when preparing fails, PostgresNIO keeps the failure for that name
/// on that connection, and the statement fails there until the connection is
/// replaced. Preparing fails for a mistake in the SQL (every test would), or when the
/// first use on a connection comes after an earlier statement of its transaction
/// failed; no path runs one of these statements after a failed statement (a
/// refusal a transaction goes on after, as the import's, is decided in Swift).
protocol PreparedStatement: PostgresPreparedStatement where Row == PostgresRow {}

extension PreparedStatement {
    static var name: String { "\(Self.self)" }
    func decodeRow(_ row: PostgresRow) -> PostgresRow { row }
}

extension DatabaseSession {
    /// Runs a prepared statement (preparing it first on a connection that has not)
    /// and reads its rows.
    func rows<Statement: PreparedStatement>(_ statement: Statement) async throws -> [PostgresRow] {
        var rows: [PostgresRow] = []
        for try await row in try await connection.execute(statement, logger: logger) { rows.append(row) }
        return rows
    }
}

extension PostgresBindings {
    /// Bindings of `values`, in order: what a `PreparedStatement` makes of its fields.
    static func of(_ values: (any PostgresThrowingDynamicTypeEncodable)?...) throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        try bindings.append(values)
        return bindings
    }

    /// `values` after the bindings already made, a nil as NULL.
    mutating func append(_ values: [(any PostgresThrowingDynamicTypeEncodable)?]) throws {
        for value in values {
            if let value { try append(value) } else { appendNull() }
        }
    }
}
