import Foundation

/// How many tests hold a database of their own at once. Swift Testing starts every
/// test together, whatever the cores, and each test's app opens a pool of its own:
/// unbounded, a CI run once passed the cluster's `max_connections` ("sorry, too many
/// clients already") and failed three tests at random. A test waits for a slot before
/// its database is made and gives it back once it is dropped.
actor DatabaseSlots {
    static let shared = DatabaseSlots(
        count: Int(ProcessInfo.processInfo.environment["TEST_DATABASE_SLOTS"] ?? "") ?? 12
    )

    /// Set while a task holds a slot, so that a test which makes a second database
    /// inside its first does not wait for itself.
    @TaskLocal static var isHeld = false

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(count: Int) { free = max(1, count) }

    /// Runs `body` holding a slot.
    static func withSlot<T>(_ body: () async throws -> T) async throws -> T {
        if isHeld { return try await body() }
        await shared.take()
        do {
            let result = try await $isHeld.withValue(true) { try await body() }
            await shared.give()
            return result
        } catch {
            await shared.give()
            throw error
        }
    }

    private func take() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func give() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
