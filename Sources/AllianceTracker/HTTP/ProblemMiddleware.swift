import Foundation
import Hummingbird
import Logging
import PostgresNIO

/// The one place where errors become responses. Foreseen errors (`Problem`) are
/// answered as they are; the framework's and the decoder's are translated; anything
/// else is logged with its detail and answered with a 500 that leaks nothing.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return problem(for: error, request: request, logger: context.logger).response()
        }
    }

    func problem(for error: any Error, request: Request, logger: Logger) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as DomainError:
            return Problem(error)
        case let error as ImportError:
            return Problem(error)
        case let error as HTTPError:
            return problem(for: error, request: request)
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            // a body sent without a length, cut off by `collectBody(upTo:)` (NIOTooManyBytesError)
            return .bodyTooLarge
        case let error as DecodingError:
            return Self.problem(for: error)
        case is CancellationError:
            // the request's deadline cut it off (DeadlineResponder has answered 503 already)
            logger.notice("request cancelled")
            return .databaseUnavailable
        case let error as PSQLError where DatabaseErrors.domainError(for: error) != nil:
            logger.notice("database refused", metadata: ["error": "\(String(reflecting: error))"])
            return Problem(DatabaseErrors.domainError(for: error)!)
        default:
            logger.error("unexpected error", metadata: ["error": "\(String(reflecting: error))"])
            return .internalError
        }
    }

    private func problem(for error: HTTPError, request: Request) -> Problem {
        switch error.status {
        case .notFound:
            return Problem(.notFound, detail: "There is no resource at \(request.uri.path).")
        case .contentTooLarge:
            return .bodyTooLarge
        default:
            let status = error.status
            let code: ProblemCode = status.code < 500 ? .badRequest : .internalError
            return Problem(
                status: status,
                code: code.rawValue,
                title: status.reasonPhrase,
                detail: error.body ?? status.reasonPhrase,
                headers: error.headers
            )
        }
    }

    /// A body that is not the JSON the resource expects: malformed, or with a
    /// field of the wrong type or missing.
    static func problem(for error: DecodingError) -> Problem {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue.snakeCased)" }
                .joined().trimmingPrefix(".").description
        }
        let field: String
        let message: String
        var code = FieldErrorCode.invalidType
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return Problem(.malformedJSON, detail: "The request body is not valid JSON.")
        case .dataCorrupted(let context):
            (field, message) = (path(context.codingPath), "has a value that is not valid here")
        case .keyNotFound(let key, let context):
            (field, message) = (path(context.codingPath + [key]), "is required")
            code = .missingField
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            (field, message) = (path(context.codingPath), "must be \(Self.describe(type))")
        @unknown default:
            (field, message) = ("body", "is not valid")
        }
        let name = field.isEmpty ? "body" : field
        return .invalidBody([.init(field: name, code: code, message: "\(name) \(message)")])
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int16.Type, is Int32.Type, is Int64.Type: "a whole number"
        case is Decimal.Type, is Double.Type: "a number"
        default: "of another type"
        }
    }
}

extension Problem {
    /// 422 `invalid_body`: the body is JSON, but not what the resource takes. Each
    /// message starts with its field's name.
    static func invalidBody(_ errors: [FieldError]) -> Problem {
        Problem(.invalidBody, detail: errors.map(\.message).joined(separator: "; ") + ".", errors: errors)
    }

    static let bodyTooLarge = bodyTooLarge(limit: AppRequestContext.maximumBodyBytes)

    static func bodyTooLarge(limit: Int) -> Problem {
        Problem(.bodyTooLarge, detail: "Request bodies may be at most \(limit) bytes.")
    }
}

extension String {
    /// `notAvailable` → `not_available`: field names as the client wrote them.
    var snakeCased: String {
        var result = ""
        for character in self {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
