import Testing

@testable import AllianceTracker

/// The two connections: the owner migrates and seeds, the service role serves.
@Suite struct RoleConfigTests {
    @Test func ownerAndServiceRoleComeFromTheirOwnSettings() throws {
        let plain = try Config.fromEnvironment(["DATABASE_URL": "postgres://alliance_service:s3cret@db:5432/alliance"])
        #expect(plain.migrationDatabase.username == "alliance_service", "without MIGRATION_DATABASE_URL, DATABASE_URL migrates too")
        #expect(plain.serviceRole == ServiceRole())
        #expect(plain.serviceRole.name == "alliance_service")

        let both = try Config.fromEnvironment([
            "DATABASE_URL": "postgres://svc@db:5432/alliance",
            "MIGRATION_DATABASE_URL": "postgres://owner:pw@db:5432/alliance",
            "SERVICE_ROLE": "svc",
        ])
        #expect(both.database.username == "svc")
        #expect(both.migrationDatabase.username == "owner")
        #expect(both.migrationDatabase.password == "pw")
        #expect(both.serviceRole.name == "svc")
    }

    @Test func badRoleSettingsAreNamed() {
        #expect {
            try Config.fromEnvironment([
                "DATABASE_URL": "postgres://svc@db/alliance", "MIGRATION_DATABASE_URL": "owner@db", "SERVICE_ROLE": "Svc; DROP ROLE x",
            ])
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.problems.count == 2 && error.description.contains("MIGRATION_DATABASE_URL") && error.description.contains("SERVICE_ROLE")
        }
        #expect(ServiceRole(name: "alliance_service") != nil)
        #expect(ServiceRole(name: "a\"b") == nil)
        #expect(ServiceRole(name: String(repeating: "a", count: 64)) == nil)
    }
}
