import Foundation
import Hummingbird
import HummingbirdTesting
import Prometheus
import Testing

@testable import AllianceTracker

/// `/metrics`, on the metrics listener: what a Prometheus scraper reads. Each test's application has its own
/// registry (`ScopedMetricsFactory`), so what other tests do meanwhile moves none of
/// its series, and every change is asserted exactly.
@Suite struct MetricsTests {
    @Test func requestsAndReportTransitionsAreCounted() async throws {
        try await withOwnMetrics { r, registry in
            let before = try await scrape(registry)
            try await r.openCycle2024()
            let report = "/v1/countries/FR/reports/2024"
            try await r.send(.put, report, token: r.france, json: Reporting.completeReport())
            try await r.send(.post, "\(report)/submit", token: r.france, headers: [.ifMatch: "\"1\""])
            let accepted = try await r.send(
                .post,
                "\(report)/review",
                token: r.secretariat,
                json: ["decision": "accept"],
                headers: [.ifMatch: "\"1\""]
            )
            #expect(accepted.status == .ok)
            try await r.send(.get, "/v1/goals", token: nil)
            #expect(try await r.send(.get, "/v1/audit", token: "not-a-token").status == .unauthorized)

            let after = try await scrape(registry)

            #expect(after["alliance_reports_submitted_total"] == before["alliance_reports_submitted_total"] + 1)
            #expect(after["alliance_reports_accepted_total"] == before["alliance_reports_accepted_total"] + 1)
            #expect(after["alliance_reports_returned_total"] == before["alliance_reports_returned_total"])
            #expect(after["alliance_authentication_failures_total"] == before["alliance_authentication_failures_total"] + 1)
            #expect(after["alliance_authentication_refused_total"] == before["alliance_authentication_refused_total"])
            let goalsLabels = #"http_route="/v1/goals",http_request_method="GET",http_response_status_code="200""#
            let goals = "http_server_requests_total{\(goalsLabels)}"
            #expect(after[goals] == before[goals] + 1)
            let reviewLabels = #"http_route="/v1/countries/{cc}/reports/{year}/review",http_request_method="POST",http_response_status_code="200""#
            let latency = "http_server_request_duration_seconds_count{\(reviewLabels)}"
            #expect(after[latency] == before[latency] + 1)
            // how long a request took is not the test's to decide: only the bucket's presence is checked
            #expect(after.text.contains(#"http_server_request_duration_seconds_bucket{\#(goalsLabels),le="0.05"}"#))
            // the database gauges move with the pool, so only their presence is checked
            #expect(after["alliance_database_connections_max"] == 20)
            for gauge in ["alliance_database_available", "alliance_database_connections_in_use"] {
                #expect(after.values[gauge] != nil, "\(gauge) is missing")
            }
        }
    }

    /// `withReporting`, with a registry of its own for the application's metrics, which /metrics serves.
    private func withOwnMetrics(_ body: @escaping @Sendable (Reporting, PrometheusCollectorRegistry) async throws -> Void) async throws {
        _ = TestDatabase.metrics  // bootstraps swift-metrics, with the scoped factory
        let registry = PrometheusCollectorRegistry()
        try await ScopedMetricsFactory.withRegistry(registry) {
            let clock = TestClock("2025-02-15T12:00:00Z")
            try await TestDatabase.withFreshDatabase { url in
                var config = TestDatabase.config(url)
                config.clock = clock.appClock
                config.metrics = registry
                let tokens = (
                    try makeToken(url, role: "secretariat", country: nil), try makeToken(url, role: "country", country: "FR"),
                    try makeToken(url, role: "country", country: "DE")
                )
                try await buildApplication(config: config).test(.router) { client in
                    try await body(
                        Reporting(client: client, url: url, clock: clock, secretariat: tokens.0, france: tokens.1, germany: tokens.2),
                        registry
                    )
                }
            }
        }
    }

    /// What the metrics listener serves.
    private func scrape(_ registry: PrometheusCollectorRegistry) async throws -> Metrics {
        try await Application(router: MetricsListener.router(registry: registry)).test(.router) { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                #expect(response.headers[.cacheControl] == "no-store")
                return Metrics(String(buffer: response.body))
            }
        }
    }

    /// The public port has no /metrics: it answers 404 like any unknown path, and the
    /// listener's own settings default to loopback.
    @Test func thePublicPortHasNoMetrics() async throws {
        try await withApp { client, _ in
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(body?["code"] as? String == "not_found")
                #expect(!String(buffer: response.body).contains("http_server_requests_total"))
            }
        }
        let edge = try Config.fromEnvironment(["DATABASE_URL": "postgres://u@127.0.0.1:5432/a"]).edge
        #expect(edge.metricsHost == "127.0.0.1")
        #expect(edge.metricsPort == 9464)
        let moved = try Config.fromEnvironment(["DATABASE_URL": "postgres://u@127.0.0.1:5432/a", "METRICS_HOST": "10.0.0.5", "METRICS_PORT": "9100"])
        #expect(moved.edge == EdgeConfig(metricsHost: "10.0.0.5", metricsPort: 9100))
    }

    /// Prometheus' text format, by whole series name (with labels).
    struct Metrics {
        let text: String
        let values: [String: Double]

        init(_ text: String) {
            self.text = text
            var values: [String: Double] = [:]
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
                values[String(line[..<space])] = value
            }
            self.values = values
        }

        subscript(series: String) -> Double { values[series] ?? 0 }
    }
}
