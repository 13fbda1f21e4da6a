@testable import AllianceTracker

/// The random histories' generator: the demo's SplitMix64 (`DemoRandom`), so that a
/// history is replayed exactly from its seed, on every platform.
typealias SplitMix64 = DemoRandom

extension DemoRandom {
    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
}
