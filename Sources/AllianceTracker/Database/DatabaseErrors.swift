import PostgresNIO

/// Database errors as domain errors. Services check the rules they know first;
/// these are the backstop when the database's own rules (checks, keys) or its
/// absence decide, so that the client gets a 4xx or a 503, never a 500.
enum DatabaseErrors {
    static func domainError(for error: PSQLError) -> DomainError? {
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            let constraint = error.serverInfo?[.constraintName] ?? "a rule"
            switch state {
            case "23505":
                return DomainError(.alreadyExists, "This would duplicate an existing record (\(constraint)).")
            case "23503", "23514", "23P01", "22003", "22001", "23502", "22008":
                return DomainError(.constraintViolation, "The database refused the change (\(constraint)).")
            case "22021", "22P05":
                // U+0000, which text and jsonb cannot hold; `RequestBody` refuses it in bodies first
                return DomainError(.invalidBody, "The request holds text the database cannot store, such as U+0000 (NUL).")
            case "57P01", "57P02", "57P03":
                // the server is shutting down, crashed, or not yet accepting connections
                return .databaseUnavailable
            case "57014":
                // statement_timeout: the server ended a statement that outlived the deadline
                return .pastDeadline
            case "40001", "40P01":
                return DomainError(.retry, "Another change got in the way; try again.")
            default:
                return nil
            }
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .poolClosed, .queryCancelled:
            // .queryCancelled: a request cut off by its deadline while waiting for a connection
            return .databaseUnavailable
        default:
            return nil
        }
    }
}

extension DomainError {
    static let databaseUnavailable = DomainError(.databaseUnavailable, "The database cannot be reached; try again shortly.")
    static let pastDeadline = DomainError(.timedOut, "The request was not answered in time; nothing was stored. Try again shortly.")
    static let outcomeUnknown = DomainError(
        .outcomeUnknown,
        "The connection to the database was lost while the change was being committed: it may or may not be stored. "
            + "GET the resource to learn which before sending it again."
    )
}

/// A row that the same transaction has just written or locked is not there: a bug,
/// logged and answered with a 500.
struct MissingRow: Error {}
