import Foundation
import Synchronization

/// Failed authentications per client address over a sliding minute, in this
/// instance's memory (each instance counts its own). Past `limit` failures in the
/// minute an address's next attempts are refused unchecked until the oldest failure
/// leaves the minute. A success resets nothing.
final class AuthFailureLimiter: Sendable {
    static let window: TimeInterval = 60
    /// Addresses kept before the ones with no failure left in the minute are dropped.
    private static let sweepAbove = 10_000

    let limit: Int
    private let failures = Mutex<[String: [Date]]>([:])

    init(limit: Int) {
        self.limit = limit
    }

    /// Seconds until `address` may try again, or nil when it may now.
    func retryAfter(_ address: String, now: Date) -> Int? {
        failures.withLock { all in
            let recent = Self.recent(all[address] ?? [], now: now)
            all[address] = recent.isEmpty ? nil : recent
            guard recent.count >= limit, let oldest = recent.first else { return nil }
            return max(1, Int((oldest.addingTimeInterval(Self.window).timeIntervalSince(now)).rounded(.up)))
        }
    }

    func recordFailure(_ address: String, now: Date) {
        failures.withLock { all in
            if all.count > Self.sweepAbove {
                all = all.compactMapValues { times in
                    let recent = Self.recent(times, now: now)
                    return recent.isEmpty ? nil : recent
                }
            }
            all[address, default: []].append(now)
        }
    }

    private static func recent(_ times: [Date], now: Date) -> [Date] {
        let start = now.addingTimeInterval(-window)
        return times.filter { $0 > start }
    }
}
