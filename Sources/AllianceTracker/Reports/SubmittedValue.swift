import Foundation

/// A value of a version about to be submitted, with what submission checks it
/// against: the indicator's expected range and last year's accepted value.
struct SubmittedValue: Sendable {
    let indicator: String
    let kind: MeasureKind
    let value: Decimal
    let expectedMin: Decimal?
    let expectedMax: Decimal?
    let lastYear: Decimal?
}
