/// The settings of what faces the network besides the API: the metrics listener
/// and the limit on failed authentications. Part of `Config`, read with it.
public struct EdgeConfig: Sendable, Equatable {
    /// The metrics listener's address: loopback by default, so that only a scraper on
    /// the same host (or one the operator lets in) reads it (`METRICS_HOST`).
    public var metricsHost: String
    /// `METRICS_PORT`, 9464 by default (the port registered for Prometheus exporters
    /// of OpenTelemetry); 0 picks a free one (the tests).
    public var metricsPort: Int
    /// `TRUSTED_PROXIES`: whose `X-Forwarded-For` names the client.
    public var trustedProxies: TrustedProxies
    /// `AUTH_FAILURE_LIMIT`: failed authentications per client address and minute
    /// before its attempts get 429.
    public var authFailureLimit: Int

    public init(metricsHost: String = "127.0.0.1", metricsPort: Int = 9464, trustedProxies: TrustedProxies = .none, authFailureLimit: Int = 20) {
        self.metricsHost = metricsHost
        self.metricsPort = metricsPort
        self.trustedProxies = trustedProxies
        self.authFailureLimit = authFailureLimit
    }

    /// Reads the four settings, adding each problem to `problems`.
    static func fromEnvironment(_ env: [String: String], problems: inout [String]) -> EdgeConfig {
        var edge = EdgeConfig()
        if let host = env["METRICS_HOST"], !host.isEmpty { edge.metricsHost = host }
        if let raw = env["METRICS_PORT"] {
            if let value = Int(raw), (0...65535).contains(value) {
                edge.metricsPort = value
            } else {
                problems.append("METRICS_PORT must be a whole number from 0 to 65535, not '\(raw)'")
            }
        }
        if let raw = env["TRUSTED_PROXIES"] {
            if let value = TrustedProxies(raw) {
                edge.trustedProxies = value
            } else {
                problems.append("TRUSTED_PROXIES must be addresses or CIDR blocks separated by commas, not '\(raw)'")
            }
        }
        if let raw = env["AUTH_FAILURE_LIMIT"] {
            if let value = Int(raw), (1...1_000_000).contains(value) {
                edge.authFailureLimit = value
            } else {
                problems.append("AUTH_FAILURE_LIMIT must be a whole number from 1 to 1000000, not '\(raw)'")
            }
        }
        return edge
    }
}
