/// Whether an instance reaches each of its databases, as `/readyz` tells a balancer.
struct Readiness: Sendable, Equatable {
    enum Reach: String, Codable, Sendable {
        case reachable, unreachable
        /// No `DATABASE_REPLICA_URL`: the primary serves the public reads too.
        case notConfigured = "not_configured"
    }

    /// What the instance is asked to be ready for.
    enum Purpose: Sendable {
        /// Public reads: served from the standby or the primary, whichever answers.
        case publicReads
        /// Writes, token checks, the live summary: the primary only.
        case writes
    }

    let primary: Reach
    let standby: Reach

    func isReady(for purpose: Purpose) -> Bool {
        switch purpose {
        case .publicReads: primary == .reachable || standby == .reachable
        case .writes: primary == .reachable
        }
    }

    /// Why the instance is not ready, for the 503's detail.
    func refusal(for purpose: Purpose) -> String {
        switch purpose {
        case .writes: "The primary database cannot be reached: writes cannot be served; try again shortly."
        case .publicReads:
            standby == .notConfigured
                ? "The database cannot be reached; try again shortly."
                : "Neither the primary database nor the standby can be reached; try again shortly."
        }
    }
}
