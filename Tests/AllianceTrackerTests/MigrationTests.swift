import Foundation
import Testing

@testable import AllianceTracker

@Suite struct MigrationTests {
    static let files = try! FileManager.default.contentsOfDirectory(atPath: TestDatabase.sqlDirectory.path)
        .filter { $0.hasSuffix(".sql") }.sorted()

    @Test func everyFileAppliesAndASecondRunAppliesNothing() async throws {
        try await TestDatabase.withFreshDatabase(.empty) { url async throws in
            let migrator = Migrator(directory: TestDatabase.sqlDirectory)
            #expect(try migrator.migrate(url) == Self.files)
            #expect(try migrator.migrate(url) == [])
            let recorded = try sql(url, "SELECT name FROM schema_migrations ORDER BY name").map { $0[0] }
            #expect(recorded == Self.files)
            #expect(try sql(url, "SELECT count(*) FROM countries") == [["0"]])
        }
    }

    @Test func aChangedAppliedFileIsRefusedByName() async throws {
        try await TestDatabase.withFreshDatabase(.empty) { url async throws in
            let folder = try copyOfMigrations()
            let migrator = Migrator(directory: folder)
            try migrator.migrate(url)
            let changed = folder.appendingPathComponent(Self.files[1])
            try (String(contentsOf: changed, encoding: .utf8) + "\n-- edited\n").write(to: changed, atomically: true, encoding: .utf8)
            try (try String(contentsOf: folder.appendingPathComponent(Self.files[0]), encoding: .utf8))
                .write(to: folder.appendingPathComponent("9999_new.sql"), atomically: true, encoding: .utf8)
            #expect(throws: MigrationError.changedSinceApplied(Self.files[1])) { try migrator.migrate(url) }
            // refused before anything ran: the new file was not applied
            #expect(try sql(url, "SELECT count(*) FROM schema_migrations") == [["\(Self.files.count)"]])
        }
    }

    @Test func aFailingFileIsRolledBackWhole() async throws {
        try await TestDatabase.withFreshDatabase(.empty) { url async throws in
            let folder = try copyOfMigrations()
            try "CREATE TABLE half_done (id int);\nSELECT no_such_function();\n"
                .write(to: folder.appendingPathComponent("9000_broken.sql"), atomically: true, encoding: .utf8)
            #expect { try Migrator(directory: folder).migrate(url) } throws: { error in
                guard case MigrationError.failed(let name, let message) = error else { return false }
                return name == "9000_broken.sql" && message.contains("no_such_function")
            }
            #expect(try sql(url, "SELECT to_regclass('half_done') IS NULL") == [["t"]])
            #expect(try sql(url, "SELECT count(*) FROM schema_migrations WHERE name = '9000_broken.sql'") == [["0"]])
            // the files before it were applied, each in its own transaction
            #expect(try sql(url, "SELECT count(*) FROM schema_migrations") == [["\(Self.files.count)"]])
        }
    }

    @Test func twoRunnersAtOnceApplyEachFileOnce() async throws {
        try await TestDatabase.withFreshDatabase(.empty) { url async throws in
            let migrator = Migrator(directory: TestDatabase.sqlDirectory)
            async let first = Task.detached { try migrator.migrate(url) }.value
            async let second = Task.detached { try migrator.migrate(url) }.value
            let applied = try await [first, second].sorted { $0.count < $1.count }
            #expect(applied == [[], Self.files])
        }
    }

    private func copyOfMigrations() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sql-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestDatabase.sqlDirectory, to: folder)
        return folder
    }
}
