@testable import AllianceTracker
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `/metrics`: what a Prometheus scraper reads. The registry is shared by every test
/// of the process (swift-metrics is bootstrapped once), so counts are compared
/// before and after, and may have grown by more than this test's own requests.
@Suite struct MetricsTests {
    @Test func requestsAndReportTransitionsAreCounted() async throws {
        try await withReporting { r in
            let before = try await scrape(r)
            try await r.openCycle2024()
            let report = "/v1/countries/FR/reports/2024"
            try await r.send(.put, report, token: r.france, json: Reporting.completeReport())
            try await r.send(.post, "\(report)/submit", token: r.france, headers: [.ifMatch: "\"1\""])
            let accepted = try await r.send(.post, "\(report)/review", token: r.secretariat,
                                            json: ["decision": "accept"], headers: [.ifMatch: "\"1\""])
            #expect(accepted.status == .ok)
            try await r.send(.get, "/v1/goals", token: nil)

            let response = try await r.send(.get, "/metrics", token: nil)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let after = Metrics(String(buffer: response.body))

            #expect(after["alliance_reports_submitted_total"] >= before["alliance_reports_submitted_total"] + 1)
            #expect(after["alliance_reports_accepted_total"] >= before["alliance_reports_accepted_total"] + 1)
            let goals = #"http_server_requests_total{http_route="/v1/goals",http_request_method="GET",http_response_status_code="200"}"#
            #expect(after[goals] >= before[goals] + 1)
            let latency = #"http_server_request_duration_seconds_count{http_route="/v1/countries/{cc}/reports/{year}/review",http_request_method="POST",http_response_status_code="200"}"#
            #expect(after[latency] >= 1)
            #expect(after.text.contains(#"http_server_request_duration_seconds_bucket{http_route="/v1/goals",http_request_method="GET",http_response_status_code="200",le="0.05"}"#))
            // gauges are per process: other tests' databases come and go, so only their presence is checked
            #expect(after["alliance_database_connections_max"] == 20)
            for gauge in ["alliance_database_available", "alliance_database_connections_in_use"] {
                #expect(after.values[gauge] != nil, "\(gauge) is missing")
            }
        }
    }

    private func scrape(_ r: Reporting) async throws -> Metrics {
        Metrics(String(buffer: try await r.send(.get, "/metrics", token: nil).body))
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
