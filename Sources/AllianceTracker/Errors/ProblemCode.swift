/// Every problem code the API answers with, as problem+json's `code`. The OpenAPI
/// document lists the same set (`ProblemCode`), and a test holds the two together.
/// A validation problem about one field answers with that field's own code
/// (`FieldErrorCode`) rather than `validation_failed`.
public enum ProblemCode: String, CaseIterable, Sendable {
    // The request as sent.
    case badRequest = "bad_request"
    case malformedJSON = "malformed_json"
    case invalidBody = "invalid_body"
    case invalidParameter = "invalid_parameter"
    case bodyTooLarge = "body_too_large"
    case unsupportedMediaType = "unsupported_media_type"
    case importFailed = "import_failed"
    case methodNotAllowed = "method_not_allowed"
    case validationFailed = "validation_failed"
    case invalidIdempotencyKey = "invalid_idempotency_key"
    case idempotencyKeyReused = "idempotency_key_reused"
    case preconditionRequired = "precondition_required"
    case versionMismatch = "version_mismatch"

    // Who asks.
    case unauthorized
    case forbidden
    case tooManyFailures = "too_many_failures"

    // What is asked for.
    case notFound = "not_found"
    case unknownCountry = "unknown_country"
    case unknownIndicator = "unknown_indicator"
    case unknownCycle = "unknown_cycle"
    case unknownCommitment = "unknown_commitment"
    case unknownReport = "unknown_report"
    case unknownVersion = "unknown_version"
    case unknownToken = "unknown_token"
    case unknownException = "unknown_exception"
    case unknownMembership = "unknown_membership"
    case unknownExpectedReporter = "unknown_expected_reporter"
    case unknownTarget = "unknown_target"
    case noRelease = "no_release"

    // The state of what is asked for.
    case alreadyExists = "already_exists"
    case alreadyExpected = "already_expected"
    case constraintViolation = "constraint_violation"
    case cycleNotOpen = "cycle_not_open"
    case cycleLocked = "cycle_locked"
    case reportUnderReview = "report_under_review"
    case alreadySubmitted = "already_submitted"
    case nothingToSubmit = "nothing_to_submit"
    case notSubmitted = "not_submitted"
    case overlappingMembership = "overlapping_membership"
    case commitmentWithdrawn = "commitment_withdrawn"

    // The service.
    case databaseUnavailable = "database_unavailable"
    case timedOut = "timed_out"
    case outcomeUnknown = "outcome_unknown"
    case retry
    case internalError = "internal_error"
}
