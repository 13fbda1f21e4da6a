import AllianceTracker
import ArgumentParser
import Foundation

/// After migrating: the service's login role exists and is a member of `alliance_app`.
/// Its password is the one in DATABASE_URL when that names the role (none otherwise:
/// trust, or an administrator sets one). Without CREATEROLE, prints the SQL an
/// administrator must run and exits non-zero.
func ensureServiceRole(_ config: Config) throws {
    let role = config.serviceRole
    let password = config.database.username == role.name ? config.database.password : nil
    do {
        switch try role.ensure(owner: config.migrationDatabase, password: password) {
        case .created: print("migrate: created the service role \(role.name), a member of \(ServiceRole.group)")
        case .granted: print("migrate: granted \(ServiceRole.group) to the service role \(role.name)")
        case .alreadyReady: print("migrate: the service role \(role.name) is ready")
        }
    } catch ServiceRoleError.needsAdministrator(let owner, let sql) {
        print(sql)
        FileHandle.standardError.write(Data("alliance: \(ServiceRoleError.needsAdministrator(owner: owner, sql: sql))\n".utf8))
        throw ExitCode(77)  // EX_NOPERM
    } catch {
        FileHandle.standardError.write(Data("alliance: \(error)\n".utf8))
        throw ExitCode.failure
    }
}
