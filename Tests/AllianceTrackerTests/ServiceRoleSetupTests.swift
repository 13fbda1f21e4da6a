import Foundation
import Testing

@testable import AllianceTracker

/// `alliance migrate`'s last step: the service's login role, a member of `alliance_app`.
@Suite struct ServiceRoleSetupTests {
    /// A role name of this test's own (roles belong to the whole cluster).
    static func uniqueName(_ prefix: String) -> String {
        prefix + "_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
    }

    @Test func createsTheRoleOnceWithThePasswordItIsGiven() async throws {
        try await TestDatabase.withFreshDatabase { url async throws in
            let role = try #require(ServiceRole(name: Self.uniqueName("svc")))
            defer { _ = try? sql(url, "DROP ROLE IF EXISTS \(role.name)") }
            #expect(try role.ensure(owner: url, password: "pa'ss") == .created)
            #expect(try role.ensure(owner: url, password: "pa'ss") == .alreadyReady)
            let stored = try sql(
                url,
                "SELECT rolcanlogin, rolsuper, pg_has_role(oid, $2, 'MEMBER'), rolpassword IS NOT NULL FROM pg_authid WHERE rolname = $1",
                [role.name, ServiceRole.group]
            )
            #expect(stored == [["t", "f", "t", "t"]])
            // a role that exists but is not yet a member is granted the group
            try sql(url, "REVOKE \(ServiceRole.group) FROM \(role.name)")
            #expect(try role.ensure(owner: url, password: nil) == .granted)
            #expect(try sql(url, "SELECT pg_has_role($1, $2, 'MEMBER')", [role.name, ServiceRole.group]) == [["t"]])
        }
    }

    @Test func anOwnerWithoutCreateroleGetsTheSQLToRun() async throws {
        try await TestDatabase.withFreshDatabase { url async throws in
            let owner = Self.uniqueName("owner")
            let role = try #require(ServiceRole(name: Self.uniqueName("svc")))
            try sql(url, "CREATE ROLE \(owner) LOGIN NOCREATEROLE")
            defer { _ = try? sql(url, "DROP ROLE IF EXISTS \(owner)") }
            var ownerURL = url
            ownerURL.username = owner
            #expect {
                try role.ensure(owner: ownerURL, password: "secret")
            } throws: { error in
                guard case .needsAdministrator(let name, let text) = error as? ServiceRoleError else { return false }
                return name == owner
                    && text == "CREATE ROLE \(role.name) LOGIN PASSWORD '<the password in DATABASE_URL>';\nGRANT alliance_app TO \(role.name);"
                    && "\(error)".contains("no CREATEROLE")
            }
            #expect(try sql(url, "SELECT count(*) FROM pg_roles WHERE rolname = $1", [role.name]) == [["0"]], "nothing created")
        }
    }

    @Test func refusesASuperuserOrTheOwnerAsTheServiceRole() async throws {
        try await TestDatabase.withFreshDatabase { url async throws in
            let owner = try #require(ServiceRole(name: url.username))
            #expect(throws: ServiceRoleError.tooPowerful(url.username)) { try owner.ensure(owner: url, password: nil) }
        }
    }

    @Test func theAppUnderTestConnectsAsTheServiceRole() async throws {
        try await withApp { client, url in
            _ = try await client.execute(uri: "/v1/countries", method: .get)
            let users = try sql(
                url,
                "SELECT DISTINCT usename::text FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            #expect(users == [[ServiceRole().name]])
        }
    }
}
