import AllianceTracker
import CoreMetrics
import Prometheus

/// swift-metrics is bootstrapped once per process, so every test's metrics would
/// meet in one registry. This factory, bootstrapped by the tests, makes the metrics
/// created inside `withRegistry` (an application's routes, middleware and requests)
/// in that registry instead, so that a test can assert exact counts while others run.
struct ScopedMetricsFactory: MetricsFactory {
    @TaskLocal private static var scoped: PrometheusMetricsFactory?
    let shared: PrometheusMetricsFactory

    static func withRegistry<T>(_ registry: PrometheusCollectorRegistry, _ body: () async throws -> T) async rethrows -> T {
        try await $scoped.withValue(prometheusMetricsFactory(into: registry), operation: body)
    }

    private var current: PrometheusMetricsFactory { Self.scoped ?? shared }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        current.makeCounter(label: label, dimensions: dimensions)
    }

    func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler {
        current.makeFloatingPointCounter(label: label, dimensions: dimensions)
    }

    func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
        current.makeMeter(label: label, dimensions: dimensions)
    }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        current.makeRecorder(label: label, dimensions: dimensions, aggregate: aggregate)
    }

    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        current.makeTimer(label: label, dimensions: dimensions)
    }

    func destroyCounter(_ handler: any CounterHandler) { current.destroyCounter(handler) }
    func destroyFloatingPointCounter(_ handler: any FloatingPointCounterHandler) { current.destroyFloatingPointCounter(handler) }
    func destroyMeter(_ handler: any MeterHandler) { current.destroyMeter(handler) }
    func destroyRecorder(_ handler: any RecorderHandler) { current.destroyRecorder(handler) }
    func destroyTimer(_ handler: any TimerHandler) { current.destroyTimer(handler) }
}
