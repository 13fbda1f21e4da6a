import Metrics
import Prometheus

/// Sends swift-metrics to `registry`, under Prometheus' names: Hummingbird's
/// request metrics are named the OpenTelemetry way (`http.server.request.duration`),
/// which Prometheus does not allow.
public func bootstrapMetrics(into registry: PrometheusCollectorRegistry) {
    MetricsSystem.bootstrap(prometheusMetricsFactory(into: registry))
}

/// The factory `bootstrapMetrics` installs; the tests build one per registry.
public func prometheusMetricsFactory(into registry: PrometheusCollectorRegistry) -> PrometheusMetricsFactory {
    var factory = PrometheusMetricsFactory(registry: registry)
    factory.nameAndLabelSanitizer = { name, labels in
        (prometheusNames[name] ?? underscored(name), labels.map { (underscored($0.0), $0.1) })
    }
    return factory
}

private let prometheusNames = [
    "hb.requests": "http_server_requests_total",
    "hb.request.errors": "http_server_request_errors_total",
    "http.server.request.duration": "http_server_request_duration_seconds",
    "http.server.active_requests": "http_server_active_requests",
]

private func underscored(_ name: String) -> String {
    String(name.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
}
