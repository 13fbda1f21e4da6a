import HTTPTypes

/// The one table from problem codes to HTTP: each code's status and title.
extension ProblemCode {
    var status: HTTPResponse.Status {
        switch self {
        case .badRequest, .malformedJSON, .invalidParameter, .invalidIdempotencyKey: .badRequest
        case .invalidBody, .validationFailed, .importFailed, .idempotencyKeyReused, .constraintViolation: .unprocessableContent
        case .unsupportedMediaType: .unsupportedMediaType
        case .bodyTooLarge: .contentTooLarge
        case .methodNotAllowed: .methodNotAllowed
        case .preconditionRequired: .preconditionRequired
        case .versionMismatch: .preconditionFailed
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .tooManyFailures: .tooManyRequests
        case .notFound, .unknownCountry, .unknownIndicator, .unknownCycle, .unknownCommitment, .unknownReport,
            .unknownVersion, .unknownToken, .unknownException, .unknownMembership, .unknownExpectedReporter, .unknownTarget, .noRelease:
            .notFound
        case .alreadyExists, .alreadyExpected, .cycleNotOpen, .cycleLocked, .reportUnderReview, .alreadySubmitted, .nothingToSubmit,
            .notSubmitted, .overlappingMembership, .commitmentWithdrawn:
            .conflict
        case .databaseUnavailable, .timedOut, .outcomeUnknown, .retry: .serviceUnavailable
        case .internalError: .internalServerError
        }
    }

    var title: String {
        switch self {
        case .badRequest: "Bad request"
        case .malformedJSON: "Malformed JSON"
        case .invalidBody: "Invalid request body"
        case .invalidParameter: "Invalid parameter"
        case .bodyTooLarge: "Request body too large"
        case .unsupportedMediaType: "Unsupported media type"
        case .importFailed: "Nothing was imported"
        case .methodNotAllowed: "Method not allowed"
        case .validationFailed: "The request is not valid"
        case .invalidIdempotencyKey: "Invalid Idempotency-Key"
        case .idempotencyKeyReused: "Idempotency-Key reused"
        case .preconditionRequired: "If-Match required"
        case .versionMismatch: "Version mismatch"
        case .unauthorized: "Unauthorized"
        case .forbidden: "Forbidden"
        case .tooManyFailures: "Too many failed authentications"
        case .notFound: "Not found"
        case .unknownCountry: "Unknown country"
        case .unknownIndicator: "Unknown indicator"
        case .unknownCycle: "No reporting cycle"
        case .unknownCommitment: "Unknown commitment"
        case .unknownReport: "No report"
        case .unknownVersion: "No such version"
        case .unknownToken: "Unknown token"
        case .unknownException: "Unknown lock exception"
        case .unknownMembership: "Unknown membership period"
        case .unknownExpectedReporter: "Not an expected reporter"
        case .unknownTarget: "Unknown target"
        case .noRelease: "Not published"
        case .alreadyExists: "Already exists"
        case .alreadyExpected: "Already expected"
        case .constraintViolation: "The request breaks a rule"
        case .cycleNotOpen: "Reporting cycle not open"
        case .cycleLocked: "Reporting cycle locked"
        case .reportUnderReview: "Report under review"
        case .alreadySubmitted: "Already submitted"
        case .nothingToSubmit: "Nothing to submit"
        case .notSubmitted: "Not submitted"
        case .overlappingMembership: "Membership periods overlap"
        case .commitmentWithdrawn: "Commitment withdrawn"
        case .databaseUnavailable: "Database unavailable"
        case .timedOut: "Request timed out"
        case .outcomeUnknown: "Outcome unknown"
        case .retry: "Conflicting changes"
        case .internalError: "Internal server error"
        }
    }

    /// Seconds after which a retry may succeed, for `Retry-After`.
    var retryAfter: Int? {
        switch self {
        case .databaseUnavailable, .timedOut, .outcomeUnknown: 5
        case .retry: 1
        // counted from the client's own failures: `Problem.tooManyFailures` sets it
        case .tooManyFailures: nil
        case .badRequest, .malformedJSON, .invalidBody, .invalidParameter, .bodyTooLarge, .methodNotAllowed, .validationFailed,
            .unsupportedMediaType, .importFailed,
            .invalidIdempotencyKey, .idempotencyKeyReused, .preconditionRequired, .versionMismatch, .unauthorized, .forbidden,
            .notFound, .unknownCountry, .unknownIndicator, .unknownCycle, .unknownCommitment, .unknownReport, .unknownVersion,
            .unknownToken, .unknownException, .unknownMembership, .unknownExpectedReporter, .unknownTarget, .noRelease, .alreadyExists,
            .alreadyExpected, .overlappingMembership, .commitmentWithdrawn, .constraintViolation, .cycleNotOpen, .cycleLocked,
            .reportUnderReview,
            .alreadySubmitted, .nothingToSubmit, .notSubmitted, .internalError:
            nil
        }
    }
}
