/// Every code a validation problem can give one field (`errors[].code`). The
/// OpenAPI document lists the same set (`FieldErrorCode`), and a test holds the two
/// together.
public enum FieldErrorCode: String, CaseIterable, Codable, Sendable {
    // Shape and type.
    case invalidType = "invalid_type"
    case missingField = "missing_field"
    case unknownField = "unknown_field"
    case invalidCharacter = "invalid_character"
    case invalidParameter = "invalid_parameter"
    case tooLong = "too_long"
    case outOfRange = "out_of_range"
    case notWholeNumber = "not_whole_number"
    case invalidDate = "invalid_date"
    case invalidDates = "invalid_dates"
    case notInFuture = "not_in_future"
    case invalidTitle = "invalid_title"
    case invalidNature = "invalid_nature"
    case invalidCode = "invalid_code"
    case invalidRegion = "invalid_region"
    case invalidName = "invalid_name"

    // References to the catalogue.
    case unknownCountry = "unknown_country"
    case unknownGoal = "unknown_goal"
    case unknownOperationalGoal = "unknown_operational_goal"
    case unknownIndicator = "unknown_indicator"
    case goalMismatch = "goal_mismatch"
    case duplicateIndicator = "duplicate_indicator"
    case duplicateGoal = "duplicate_goal"

    // Tokens.
    case missingCountry = "missing_country"
    case unexpectedCountry = "unexpected_country"

    // Reports, commitments and cycles.
    case missingValue = "missing_value"
    case conflictingValue = "conflicting_value"
    case missingReason = "missing_reason"
    case missingComment = "missing_comment"
    case missingIndicator = "missing_indicator"
    case changeOver50Percent = "change_over_50_percent"
    case outsideExpectedRange = "outside_expected_range"
    case notAMember = "not_a_member"
    case notExpected = "not_expected"
    case incompleteBaseline = "incomplete_baseline"
    case conflictingTarget = "conflicting_target"
    case beforeBaseline = "before_baseline"

    // Targets.
    case invalidBasis = "invalid_basis"
    case invalidChange = "invalid_change"
}
