import Foundation

/// A measurable quantity under one goal; its measure kind decides how it aggregates.
struct Indicator: Encodable, Sendable, Equatable {
    var code: String
    var goal: Int
    var operationalGoal: String?
    var name: String
    var unit: String
    var measureKind: MeasureKind
    var definition: String
    /// Values outside this range need a justification in their note.
    var expectedRange: ExpectedRange
    var headline: Bool

    struct ExpectedRange: Codable, Sendable, Equatable {
        var min: Decimal?
        var max: Decimal?
    }
}
