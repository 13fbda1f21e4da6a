import CLibPQ
import Foundation

/// A blocking libpq connection. Used where PostgresNIO cannot serve: running a
/// migration file whole, as psql does (PostgresNIO sends one statement per query),
/// and administrative statements such as CREATE DATABASE in tests.
public final class LibPQConnection {
    private let connection: OpaquePointer

    public init(url: DatabaseURL) throws(LibPQError) {
        guard let connection = PQconnectdb(url.libpqString) else {
            throw LibPQError(message: "out of memory connecting to \(url)", sqlState: nil)
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(connection))
            PQfinish(connection)
            throw LibPQError(message: "cannot connect to \(url): \(message)", sqlState: nil)
        }
        self.connection = connection
        _ = try? execute("SET client_min_messages = warning")
    }

    deinit { PQfinish(connection) }

    /// Runs SQL text that may hold many statements; returns the last result's rows.
    @discardableResult
    public func execute(_ sql: String) throws(LibPQError) -> [[String?]] {
        try rows(of: PQexec(connection, sql))
    }

    /// Runs one statement with text parameters bound as $1, $2, …
    @discardableResult
    public func execute(_ sql: String, parameters: [String?]) throws(LibPQError) -> [[String?]] {
        var copies: [UnsafeMutablePointer<CChar>?] = parameters.map { $0.map { strdup($0) } ?? nil }
        defer { for copy in copies { free(copy) } }
        let result = copies.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { values in
                PQexecParams(connection, sql, Int32(values.count), nil, values.baseAddress, nil, nil, 0)
            }
        }
        return try rows(of: result)
    }

    /// The payloads of the notifications received so far (after LISTEN), oldest first.
    public func notifications() -> [String] {
        PQconsumeInput(connection)
        var payloads: [String] = []
        while let notification = PQnotifies(connection) {
            payloads.append(String(cString: notification.pointee.extra))
            PQfreemem(notification)
        }
        return payloads
    }

    private func rows(of result: OpaquePointer?) throws(LibPQError) -> [[String?]] {
        guard let result else {
            throw LibPQError(message: String(cString: PQerrorMessage(connection)), sqlState: nil)
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return []
        case PGRES_TUPLES_OK:
            return (0..<PQntuples(result)).map { row in
                (0..<PQnfields(result)).map { column in
                    PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
                }
            }
        default:
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            let message = String(cString: PQresultErrorMessage(result))
            throw LibPQError(message: message.trimmingTrailingNewlines, sqlState: state)
        }
    }
}

public struct LibPQError: Error, CustomStringConvertible {
    public let message: String
    /// The SQLSTATE code, when the server sent one.
    public let sqlState: String?
    public var description: String { message }
}

extension String {
    fileprivate var trimmingTrailingNewlines: String {
        var copy = self
        while copy.last?.isNewline == true { copy.removeLast() }
        return copy
    }
}
