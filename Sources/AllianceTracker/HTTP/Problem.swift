import Foundation
import Hummingbird

/// An error as the client sees it: an RFC 9457 problem with a stable `code`.
/// Every failure a handler can foresee is thrown as one of these.
public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
    public var status: HTTPResponse.Status
    public var code: String
    public var title: String
    public var detail: String
    /// For validation errors: each problem with the field it concerns.
    public var errors: [FieldProblem]
    /// Extra response headers, such as WWW-Authenticate on a 401.
    public var headers: HTTPFields

    public init(
        _ status: HTTPResponse.Status, code: String, title: String, detail: String,
        errors: [FieldProblem] = [], headers: HTTPFields = [:]
    ) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.errors = errors
        self.headers = headers
    }

    /// As the command line shows it: the code, then what is wrong.
    public var description: String {
        errors.isEmpty ? "\(code): \(detail)" : errors.map { "\($0.code): \($0.field): \($0.message)" }.joined(separator: "\n")
    }

    public struct FieldProblem: Codable, Sendable, Equatable {
        public var field: String
        public var code: String
        public var message: String

        public init(field: String, code: String, message: String) {
            self.field = field
            self.code = code
            self.message = message
        }
    }

    static func notFound(_ detail: String) -> Problem {
        Problem(.notFound, code: "not_found", title: "Not found", detail: detail)
    }

    static func invalidParameter(_ name: String, _ message: String) -> Problem {
        Problem(
            .badRequest, code: "invalid_parameter", title: "Invalid parameter",
            detail: "\(name): \(message)",
            errors: [FieldProblem(field: name, code: "invalid_parameter", message: message)]
        )
    }

    static let internalError = Problem(
        .internalServerError, code: "internal_error", title: "Internal server error",
        detail: "The server could not complete the request. It has been logged."
    )
}

extension Problem {
    private struct Body: Encodable {
        var type: String
        var title: String
        var status: Int
        var detail: String
        var code: String
        var errors: [FieldProblem]?
    }

    /// The problem as an `application/problem+json` response.
    func response() -> Response {
        let body = Body(
            type: "urn:alliance-tracker:problem:\(code)", title: title, status: Int(status.code),
            detail: detail, code: code, errors: errors.isEmpty ? nil : errors
        )
        let data = (try? JSONCoding.encoder.encode(body)) ?? Data()
        var fields = headers
        fields[.contentType] = "application/problem+json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension Problem {
    /// A request whose content breaks the rules: 422, listing each problem with its
    /// field. The `code` is the problem's own when there is one, else `validation_failed`.
    static func validation(_ problems: [FieldProblem]) -> Problem {
        Problem(
            .unprocessableContent,
            code: problems.count == 1 ? problems[0].code : "validation_failed",
            title: "The request is not valid",
            detail: problems.map { "\($0.field): \($0.message)" }.joined(separator: "; "),
            errors: problems
        )
    }

    static let forbidden = Problem(
        .forbidden, code: "forbidden", title: "Forbidden", detail: "This token may not do that."
    )
}
