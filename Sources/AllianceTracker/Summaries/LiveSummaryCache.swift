import NIOCore
import Synchronization

/// Rendered live summaries, each kept with the data version it was computed at
/// (`SummaryRepository.dataVersion`): a repeat at the same version is served from here.
/// One body per year and format, the newest version only, and at most `capacity` of
/// them: the least recently served goes first.
final class LiveSummaryCache: Sendable {
    struct Key: Hashable, Sendable {
        let year: Int
        let format: String
    }

    private struct Entry {
        var version: Int64
        var body: ByteBuffer
        var used: UInt64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var clock: UInt64 = 0
        /// The highest version kept so far.
        var highest: Int64 = 0
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int = 32) {
        self.capacity = max(1, capacity)
    }

    /// The body kept for `key` at exactly `version`, if any.
    func body(_ key: Key, version: Int64) -> ByteBuffer? {
        state.withLock { state in
            // below a version kept: the database went back (restored from a backup), and
            // a number may come again with other figures. Forget everything.
            if version < state.highest {
                state.entries = [:]
                state.highest = version
            }
            guard var entry = state.entries[key], entry.version == version else { return nil }
            state.clock += 1
            entry.used = state.clock
            state.entries[key] = entry
            return entry.body
        }
    }

    /// Keeps `body` unless a newer version is already kept for `key`.
    func store(_ key: Key, version: Int64, body: ByteBuffer) {
        state.withLock { state in
            if let kept = state.entries[key], kept.version > version { return }
            state.clock += 1
            state.entries[key] = Entry(version: version, body: body, used: state.clock)
            state.highest = max(state.highest, version)
            while state.entries.count > capacity, let oldest = state.entries.min(by: { $0.value.used < $1.value.used })?.key {
                state.entries[oldest] = nil
            }
        }
    }

    var count: Int { state.withLock { $0.entries.count } }
}
