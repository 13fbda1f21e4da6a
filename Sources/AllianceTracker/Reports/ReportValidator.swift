import Foundation

/// Checks a report's content on save: known indicators, types and ranges by measure
/// kind, goals 1 to 4, lengths. Every problem is reported at once, with its field.
struct ReportValidator: Sendable {
    /// Every indicator's measure kind, by code.
    let indicators: [String: MeasureKind]

    func validate(_ input: ReportInput) throws -> ValidatedReport {
        var problems: [FieldError] = []
        var seen = Set<String>()
        var values: [ReportValue] = []
        for (index, item) in input.values.enumerated() {
            let field = "values[\(index)]"
            let found = check(item, field: field, seen: &seen)
            problems += found.problems
            if let value = found.value { values.append(value) }
        }
        var goals = Set<Int>()
        var narratives: [Narrative] = []
        for (index, item) in (input.narratives ?? []).enumerated() {
            let field = "narratives[\(index)]"
            if !(1...4).contains(item.goal) {
                problems.append(.init(field: "\(field).goal", code: .unknownGoal, message: "must be a goal from 1 to 4, not \(item.goal)"))
            } else if !goals.insert(item.goal).inserted {
                problems.append(.init(field: "\(field).goal", code: .duplicateGoal, message: "goal \(item.goal) has two narratives"))
            }
            for (name, text) in [("actions_taken", item.actionsTaken), ("actions_planned", item.actionsPlanned)]
            where (text ?? "").unicodeScalars.count > 20_000 {
                problems.append(.init(field: "\(field).\(name)", code: .tooLong, message: "must be at most 20000 characters"))
            }
            narratives.append(Narrative(goal: item.goal, actionsTaken: item.actionsTaken ?? "", actionsPlanned: item.actionsPlanned ?? ""))
        }
        if !problems.isEmpty { throw DomainError.invalid(problems) }
        return ValidatedReport(values: values, narratives: narratives.sorted { $0.goal < $1.goal })
    }

    /// One value's problems, or the value to store.
    func check(_ item: ReportInput.ValueInput, field: String, seen: inout Set<String>) -> (problems: [FieldError], value: ReportValue?) {
        var problems: [FieldError] = []
        func add(_ suffix: String, _ code: FieldErrorCode, _ message: String) {
            problems.append(.init(field: "\(field).\(suffix)", code: code, message: message))
        }
        guard let kind = indicators[item.indicator] else {
            add("indicator", .unknownIndicator, "there is no indicator '\(item.indicator)'")
            return (problems, nil)
        }
        if !seen.insert(item.indicator).inserted {
            add("indicator", .duplicateIndicator, "'\(item.indicator)' is given twice")
        }
        let reason = item.notAvailable?.trimmingCharacters(in: .whitespacesAndNewlines)
        switch (item.value, reason) {
        case (nil, nil):
            add("value", .missingValue, "give a value, or not_available with a reason")
        case (.some, .some):
            add("not_available", .conflictingValue, "give a value or a not-available reason, not both")
        case (nil, .some(let reason)) where reason.isEmpty || reason.unicodeScalars.count > 2000:
            add("not_available", .missingReason, "the reason must be 1 to 2000 characters")
        case (.some(let value), nil):
            if let problem = Self.rangeProblem(value, kind: kind) { add("value", problem.code, problem.message) }
        default:
            break
        }
        let nature = item.nature.map { ValueNature(rawValue: $0) } ?? .reported
        if nature == nil {
            add("nature", .invalidNature, "must be reported or estimated")
        }
        if (item.note ?? "").unicodeScalars.count > 4000 { add("note", .tooLong, "must be at most 4000 characters") }
        if (item.source ?? "").unicodeScalars.count > 2000 { add("source", .tooLong, "must be at most 2000 characters") }
        let value = ReportValue(
            indicator: item.indicator,
            value: item.value,
            notAvailable: reason,
            note: item.note,
            source: item.source,
            nature: nature ?? .reported
        )
        return (problems, value)
    }

    /// docs/rules.md §1: counts are whole and ≥ 0, ratios 0–100, durations ≥ 0, booleans true or false.
    static func rangeProblem(_ value: ReportedValue, kind: MeasureKind) -> (code: FieldErrorCode, message: String)? {
        switch (value, kind) {
        case (.bool, .boolean):
            return nil
        case (.bool, _):
            return (.invalidType, "must be a number for a \(kind.rawValue) indicator")
        case (.number, .boolean):
            return (.invalidType, "must be true or false")
        case (.number(let number), .flow), (.number(let number), .stock):
            if number < 0 { return (.outOfRange, "a count must not be negative") }
            if number != number.rounded(0) { return (.notWholeNumber, "a count must be a whole number") }
            return nil
        case (.number(let number), .ratio):
            return (0...100).contains(number) ? nil : (.outOfRange, "a percentage must be from 0 to 100")
        case (.number(let number), .duration):
            return number < 0 ? (.outOfRange, "a duration must not be negative") : nil
        }
    }
}

extension Decimal {
    func rounded(_ scale: Int) -> Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, scale, .plain)
        return result
    }
}
