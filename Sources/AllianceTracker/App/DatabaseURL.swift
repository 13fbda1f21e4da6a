import Foundation
import NIOSSL
import PostgresNIO

/// A `postgres://user:password@host:port/database?sslmode=…` address, understood
/// both by PostgresNIO (the service) and by libpq (migrations).
public struct DatabaseURL: Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var requireTLS: Bool

    public init(_ raw: String) throws(DatabaseURLError) {
        guard let parts = URLComponents(string: raw), let scheme = parts.scheme,
            ["postgres", "postgresql"].contains(scheme)
        else { throw DatabaseURLError("must look like postgres://user@host:port/database") }
        guard let host = parts.host, !host.isEmpty else { throw DatabaseURLError("has no host") }
        guard let user = parts.user, !user.isEmpty else { throw DatabaseURLError("has no user name") }
        let database = String(parts.path.dropFirst())
        guard !database.isEmpty else { throw DatabaseURLError("has no database name") }
        let sslmode = parts.queryItems?.first { $0.name == "sslmode" }?.value ?? "disable"
        guard ["disable", "require"].contains(sslmode) else {
            throw DatabaseURLError("sslmode must be disable or require, not '\(sslmode)'")
        }
        self.host = host
        self.port = parts.port ?? 5432
        self.username = user.removingPercentEncoding ?? user
        self.password = parts.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database.removingPercentEncoding ?? database
        self.requireTLS = sslmode == "require"
    }

    /// The same server and credentials, another database.
    public func with(database: String) -> DatabaseURL {
        var copy = self
        copy.database = database
        return copy
    }

    /// The address in the form libpq reads.
    public var libpqString: String {
        var components = URLComponents()
        components.scheme = "postgresql"
        components.host = host
        components.port = port
        components.user = username
        components.password = password
        components.path = "/" + database
        components.queryItems = [URLQueryItem(name: "sslmode", value: requireTLS ? "require" : "disable")]
        return components.string ?? ""
    }

    /// Without the password, for messages and logs.
    public var description: String { "postgres://\(username)@\(host):\(port)/\(database)" }

    /// How long a connection attempt may take before the database counts as unreachable.
    static let connectTimeout: Duration = .seconds(3)

    /// The pool's configuration. A `statementTimeout` is sent as the sessions'
    /// `statement_timeout` at connection start: the server itself ends a statement
    /// that runs longer, which PostgresNIO's cancellation never asks it to do.
    func clientConfiguration(statementTimeout: Duration? = nil) -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS =
            requireTLS ? .require(.makeClientConfiguration()) : .disable
        var configuration = PostgresClient.Configuration(
            host: host,
            port: port,
            username: username,
            password: password,
            database: database,
            tls: tls
        )
        configuration.options.connectTimeout = Self.connectTimeout
        if let statementTimeout {
            let milliseconds = max(1, statementTimeout.nanoseconds / 1_000_000)
            configuration.options.additionalStartupParameters = [("statement_timeout", "\(milliseconds)")]
        }
        return configuration
    }

    /// For a single connection of its own, outside the pool.
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS =
            requireTLS ? .require(try NIOSSLContext(configuration: .makeClientConfiguration())) : .disable
        var configuration = PostgresConnection.Configuration(
            host: host,
            port: port,
            username: username,
            password: password,
            database: database,
            tls: tls
        )
        configuration.options.connectTimeout = .seconds(Int64(Self.connectTimeout.components.seconds))
        return configuration
    }
}

public struct DatabaseURLError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
