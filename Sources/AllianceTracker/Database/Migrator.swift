import Foundation

/// Applies the numbered SQL files of a folder (`0001_name.sql`, …) that are not yet
/// applied, each in its own transaction, and refuses to run at all when a file
/// that was applied has changed or gone since.
public struct Migrator: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// Key of the advisory lock that keeps two runners from racing.
    static let lockKey = 7_261_946_2012

    /// Migrates the database; returns the names of the files it applied.
    @discardableResult
    public func migrate(_ url: DatabaseURL) throws -> [String] {
        let files = try migrationFiles()
        let connection = try LibPQConnection(url: url)
        try connection.execute("SELECT pg_advisory_lock(\(Self.lockKey))")
        defer { _ = try? connection.execute("SELECT pg_advisory_unlock(\(Self.lockKey))") }
        try connection.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                name       text PRIMARY KEY,
                checksum   text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """
        )
        let applied = try Dictionary(
            uniqueKeysWithValues: connection.execute("SELECT name, checksum FROM schema_migrations")
                .map { ($0[0] ?? "", $0[1] ?? "") }
        )
        var pending: [(name: String, sql: String, checksum: String)] = []
        for file in files {
            let sql = try String(contentsOf: file, encoding: .utf8)
            let checksum = try Self.checksum(of: sql, on: connection)
            let name = file.lastPathComponent
            switch applied[name] {
            case nil: pending.append((name, sql, checksum))
            case checksum: continue
            default: throw MigrationError.changedSinceApplied(name)
            }
        }
        let known = Set(files.map(\.lastPathComponent))
        if let missing = applied.keys.sorted().first(where: { !known.contains($0) }) {
            throw MigrationError.appliedFileMissing(missing)
        }
        for migration in pending {
            try apply(migration, on: connection)
        }
        return pending.map(\.name)
    }

    private func apply(_ migration: (name: String, sql: String, checksum: String), on connection: LibPQConnection) throws {
        do {
            try connection.execute("BEGIN")
            try connection.execute(migration.sql)
            try connection.execute(
                "INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)",
                parameters: [migration.name, migration.checksum]
            )
            try connection.execute("COMMIT")
        } catch {
            _ = try? connection.execute("ROLLBACK")
            throw MigrationError.failed(migration.name, error.description)
        }
    }

    /// The files named `NNNN_….sql`, in order; two files with one number are an error.
    func migrationFiles() throws -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw MigrationError.noDirectory(directory.path)
        }
        let files = names.filter { $0.range(of: #"^[0-9]{4}_[A-Za-z0-9_]+\.sql$"#, options: .regularExpression) != nil }.sorted()
        var seen = Set<Substring>()
        for name in files where !seen.insert(name.prefix(4)).inserted {
            throw MigrationError.duplicateNumber(String(name.prefix(4)))
        }
        return files.map { directory.appendingPathComponent($0) }
    }

    /// SHA-256 of the file's text, computed by the server so that no hashing
    /// library is needed here.
    private static func checksum(of sql: String, on connection: LibPQConnection) throws -> String {
        let rows = try connection.execute("SELECT encode(sha256(convert_to($1, 'UTF8')), 'hex')", parameters: [sql])
        return rows.first?.first.flatMap { $0 } ?? ""
    }
}

public enum MigrationError: Error, CustomStringConvertible, Equatable {
    case changedSinceApplied(String)
    case appliedFileMissing(String)
    case duplicateNumber(String)
    case noDirectory(String)
    case failed(String, String)

    public var description: String {
        switch self {
        case .changedSinceApplied(let name):
            "\(name) was changed after it was applied; add a new numbered file instead of editing an applied one"
        case .appliedFileMissing(let name):
            "\(name) was applied but is no longer in the migrations folder"
        case .duplicateNumber(let number):
            "two migration files are numbered \(number)"
        case .noDirectory(let path):
            "no migrations folder at \(path)"
        case .failed(let name, let message):
            "\(name) failed and was rolled back: \(message)"
        }
    }
}
