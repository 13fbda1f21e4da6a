import Foundation

/// What submission demands (docs/rules.md §2): every indicator the cycle requires has a
/// value or a not-available reason; a value that changed by more than ±50 % on
/// last year's accepted value, or lies outside the indicator's expected range,
/// carries a justification in its note.
enum SubmissionCheck {
    /// `missing`: required indicators without a value or reason; `unjustified`: the
    /// values without a note.
    static func problems(missing: [String], unjustified: [SubmittedValue]) -> [FieldError] {
        let missing = missing.map { indicator in
            FieldError(field: "values.\(indicator)", code: .missingIndicator, message: "the cycle requires a value or a not-available reason")
        }
        return missing + unjustified.flatMap(warnings)
    }

    private static func warnings(_ submitted: SubmittedValue) -> [FieldError] {
        let field = "values.\(submitted.indicator).note"
        let value = submitted.value
        var warnings: [FieldError] = []
        if submitted.kind.comparesYearOnYear, let previous = submitted.lastYear, changedByMoreThanHalf(previous, value) {
            warnings.append(
                .init(
                    field: field,
                    code: .changeOver50Percent,
                    message: "\(value) against \(previous) last year: justify the change in the value's note"
                )
            )
        }
        if let min = submitted.expectedMin, value < min {
            warnings.append(
                .init(
                    field: field,
                    code: .outsideExpectedRange,
                    message: "\(value) is below the expected minimum \(min): justify it in the value's note"
                )
            )
        } else if let max = submitted.expectedMax, value > max {
            warnings.append(
                .init(
                    field: field,
                    code: .outsideExpectedRange,
                    message: "\(value) is above the expected maximum \(max): justify it in the value's note"
                )
            )
        }
        return warnings
    }

    /// More than ±50 % of last year's value; from zero, any change at all.
    static func changedByMoreThanHalf(_ previous: Decimal, _ current: Decimal) -> Bool {
        guard previous != 0 else { return current != 0 }
        let change = (current - previous) / previous
        return change > Decimal(string: "0.5")! || change < Decimal(string: "-0.5")!
    }
}

extension MeasureKind {
    /// Whether a change of more than ±50 % on last year needs a justification: a
    /// yes/no answer that flips is no jump to explain.
    fileprivate var comparesYearOnYear: Bool {
        switch self {
        case .boolean: false
        case .flow, .stock, .ratio, .duration: true
        }
    }
}
