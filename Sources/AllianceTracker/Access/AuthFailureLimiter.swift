import Foundation
import Metrics
import Synchronization

/// Failed authentications per client address over a sliding minute, in this
/// instance's memory (each instance counts its own). Past `limit` failures in the
/// minute an address's next attempts are refused unchecked until the oldest failure
/// leaves the minute. A success resets nothing. An IPv6 client counts by its /64,
/// which one host is usually given whole.
final class AuthFailureLimiter: Sendable {
    static let window: TimeInterval = 60
    /// Addresses kept at most: past it (after dropping those with no failure left in the
    /// minute, at most once a second) a new address is not counted rather than memory grown.
    static let maximumAddresses = 100_000

    private struct State {
        var failures: [String: [Date]] = [:]
        var lastSweep = Date.distantPast
    }

    let limit: Int
    private let state = Mutex(State())
    private let failed = Counter(label: "alliance_authentication_failures_total")
    private let refused = Counter(label: "alliance_authentication_refused_total")

    init(limit: Int) {
        self.limit = limit
    }

    /// Seconds until `address` may try again, or nil when it may now.
    func retryAfter(_ address: String, now: Date) -> Int? {
        let key = Self.key(address)
        let seconds: Int? = state.withLock { state in
            let recent = Self.recent(state.failures[key] ?? [], now: now)
            state.failures[key] = recent.isEmpty ? nil : recent
            guard recent.count >= limit, let oldest = recent.first else { return nil }
            return max(1, Int(oldest.addingTimeInterval(Self.window).timeIntervalSince(now).rounded(.up)))
        }
        if seconds != nil { refused.increment() }
        return seconds
    }

    func recordFailure(_ address: String, now: Date) {
        failed.increment()
        let key = Self.key(address)
        state.withLock { state in
            if state.failures.count >= Self.maximumAddresses, now.timeIntervalSince(state.lastSweep) >= 1 {
                state.lastSweep = now
                state.failures = state.failures.compactMapValues { times in
                    let recent = Self.recent(times, now: now)
                    return recent.isEmpty ? nil : recent
                }
            }
            guard state.failures[key] != nil || state.failures.count < Self.maximumAddresses else { return }
            state.failures[key, default: []].append(now)
        }
    }

    private static func recent(_ times: [Date], now: Date) -> [Date] {
        let start = now.addingTimeInterval(-window)
        return times.filter { $0 > start }
    }

    /// What failures are counted against: an IPv4 address, an IPv6 address's /64.
    static func key(_ address: String) -> String {
        guard let bytes = TrustedProxies.bytes(address), bytes.count == 16 else { return address }
        return bytes.prefix(8).map { String(format: "%02x", $0) }.joined() + "::/64"
    }
}
