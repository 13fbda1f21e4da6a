import Foundation

/// A country's latest accepted value of an indicator up to a year, and the year it is for.
struct AcceptedValue: Sendable, Equatable {
    let value: Decimal
    let year: Int
}
