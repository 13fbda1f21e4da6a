import Foundation

/// The login role the service connects as (SERVICE_ROLE, default `alliance_service`):
/// a member of the group role `alliance_app` (granted its privileges by
/// `sql/0016_service_role.sql`), owning nothing. `alliance migrate` creates it.
public struct ServiceRole: Sendable, Equatable {
    /// The group role the migrations grant to; fixed, as the migrations name it.
    public static let group = "alliance_app"

    public let name: String

    public init() { name = "alliance_service" }

    /// A lower-case SQL identifier, so that it needs no quoting; nil otherwise.
    public init?(name: String) {
        guard name.range(of: #"^[a-z_][a-z0-9_]{0,62}$"#, options: .regularExpression) != nil else { return nil }
        self.name = name
    }

    public enum Outcome: Equatable, Sendable {
        case created, granted, alreadyReady
    }

    /// Creates the role if missing (with `password`, when given, e.g. the one in
    /// DATABASE_URL) and grants it the group, connected as the owner at `owner`.
    /// Throws `ServiceRoleError.needsAdministrator` with the SQL to run when the
    /// owner may not create roles, and refuses a role that is a superuser or owns tables.
    @discardableResult
    public func ensure(owner: DatabaseURL, password: String?) throws -> Outcome {
        let connection = try LibPQConnection(url: owner)
        let existing = try connection.execute(
            """
            SELECT r.rolsuper,
                   pg_has_role(r.oid, $2, 'MEMBER'),
                   (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'S'))
            FROM pg_roles r WHERE r.rolname = $1
            """,
            parameters: [name, Self.group]
        ).first
        if let existing {
            if existing[0] == "t" || name == owner.username { throw ServiceRoleError.tooPowerful(name) }
            if let owned = existing[2], owned != "0" { throw ServiceRoleError.ownsTables(name, owned) }
            if existing[1] == "t" { return .alreadyReady }
        }
        let mayCreate = try connection.execute("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user").first?.first
        guard mayCreate == "t" else {
            throw ServiceRoleError.needsAdministrator(owner: owner.username, sql: administratorSQL(create: existing == nil))
        }
        if existing == nil {
            let create =
                try connection.execute("SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', $1::text, $2::text)", parameters: [name, password])
                .first?.first ?? nil
            try connection.execute(create ?? "")
        }
        try connection.execute("GRANT \(Self.group) TO \(name)")
        return existing == nil ? .created : .granted
    }

    /// What an administrator runs when the owner may not create roles.
    public func administratorSQL(create: Bool) -> String {
        let statements =
            (create ? ["CREATE ROLE \(name) LOGIN PASSWORD '<the password in DATABASE_URL>';"] : []) + ["GRANT \(Self.group) TO \(name);"]
        return statements.joined(separator: "\n")
    }
}

public enum ServiceRoleError: Error, CustomStringConvertible, Equatable {
    /// The owner lacks CREATEROLE: the SQL an administrator must run.
    case needsAdministrator(owner: String, sql: String)
    case tooPowerful(String)
    case ownsTables(String, String)

    public var description: String {
        switch self {
        case .needsAdministrator(let owner, _):
            "the owner role \(owner) may not create roles (no CREATEROLE): a database administrator must run the SQL above, then run migrate again"
        case .tooPowerful(let name):
            "the service role \(name) is a superuser or the owner itself; it must be a role that owns nothing (set SERVICE_ROLE)"
        case .ownsTables(let name, let count):
            "the service role \(name) owns \(count) tables or sequences here; it must own nothing (REASSIGN OWNED BY \(name) TO the owner)"
        }
    }
}
