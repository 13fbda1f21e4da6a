import Foundation
import Hummingbird

/// An error as the client sees it: an RFC 9457 problem with a stable `code`. The
/// services throw `DomainError`, which becomes a `Problem` here and only here; the
/// HTTP layer throws its own (a missing token, a method a path does not take).
struct Problem: Error, Sendable, Equatable {
    var status: HTTPResponse.Status
    /// A `ProblemCode`, or a lone field error's `FieldErrorCode`.
    var code: String
    var title: String
    var detail: String
    /// For validation errors: each problem with the field it concerns.
    var errors: [FieldError]
    /// Extra response headers, such as WWW-Authenticate on a 401.
    var headers: HTTPFields
    /// For a failed import: each problem with its row of the file.
    var rows: [ImportError.Problem] = []

    init(_ code: ProblemCode, detail: String, errors: [FieldError] = [], headers: HTTPFields = [:]) {
        self.init(status: code.status, code: code.rawValue, title: code.title, detail: detail, errors: errors, headers: headers)
        if let seconds = code.retryAfter { self.headers[.retryAfter] = String(seconds) }
    }

    /// The one mapping from what the rules refuse to what the client reads.
    init(_ error: DomainError) {
        self.init(error.code, detail: error.detail, errors: error.fields)
        code = error.publicCode
    }

    /// For an error the framework answered with a status of its own.
    init(status: HTTPResponse.Status, code: String, title: String, detail: String, errors: [FieldError] = [], headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.errors = errors
        self.headers = headers
    }

    static let internalError = Problem(.internalError, detail: "The server could not complete the request. It has been logged.")
    static let databaseUnavailable = Problem(.databaseUnavailable, detail: "The database cannot be reached; try again shortly.")
    static let forbidden = Problem(.forbidden, detail: "This token may not do that.")
}

extension Problem {
    private struct Body: Encodable {
        var type: String
        var title: String
        var status: Int
        var detail: String
        var code: String
        var errors: [FieldError]?
        var rows: [ImportError.Problem]?
    }

    /// The problem as an `application/problem+json` response.
    func response() -> Response {
        let body = Body(
            type: "urn:alliance-tracker:problem:\(code)",
            title: title,
            status: Int(status.code),
            detail: detail,
            code: code,
            errors: errors.isEmpty ? nil : errors,
            rows: rows.isEmpty ? nil : rows
        )
        let data = (try? JSONCoding.encoder.encode(body)) ?? Data()
        var fields = headers
        fields[.contentType] = "application/problem+json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
