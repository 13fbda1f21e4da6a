import Hummingbird
import Logging
import Prometheus

/// `/metrics`, on a listener of its own (`METRICS_HOST`:`METRICS_PORT`, loopback by
/// default): the service's metrics in Prometheus' text format, for a scraper on the
/// operators' network. The public port answers `/metrics` with 404. It runs as one of
/// the application's services, so it starts and stops with it.
enum MetricsListener {
    static func application(registry: PrometheusCollectorRegistry, edge: EdgeConfig, logger: Logger) -> some ApplicationProtocol {
        Application(
            responder: SecurityHeadersResponder(inner: router(registry: registry).buildResponder()),
            configuration: .init(address: .hostname(edge.metricsHost, port: edge.metricsPort), serverName: "alliance-tracker-metrics"),
            logger: logger
        )
    }

    static func router(registry: PrometheusCollectorRegistry) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("metrics") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer()))
            )
        }
        return router
    }
}
