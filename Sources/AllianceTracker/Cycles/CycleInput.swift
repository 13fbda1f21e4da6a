/// The body of `PUT /v1/cycles/{year}`.
struct CycleInput: Decodable, Sendable {
    var opensOn: String
    var dueOn: String
    var locksOn: String
    /// Indicator codes every report must give a value or a reason for; all when absent.
    var requiredIndicators: [String]?

    func validate() throws {
        var problems: [FieldError] = []
        for (field, value) in [("opens_on", opensOn), ("due_on", dueOn), ("locks_on", locksOn)] where !CalendarDate.isValid(value) {
            problems.append(.init(field: field, code: .invalidDate, message: "must be a date such as 2025-03-31, not '\(value)'"))
        }
        if problems.isEmpty, !(opensOn <= dueOn && dueOn <= locksOn) {
            problems.append(
                .init(
                    field: "due_on",
                    code: .invalidDates,
                    message: "the dates must run opens_on ≤ due_on ≤ locks_on"
                )
            )
        }
        if let codes = requiredIndicators, Set(codes).count != codes.count {
            problems.append(.init(field: "required_indicators", code: .duplicateIndicator, message: "lists an indicator twice"))
        }
        if !problems.isEmpty { throw DomainError.invalid(problems) }
    }
}
