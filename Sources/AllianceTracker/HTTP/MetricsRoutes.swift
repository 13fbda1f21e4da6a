import Hummingbird
import Prometheus

/// `/metrics`: the service's metrics in Prometheus' text format, for a scraper on
/// the operators' network (it names routes and counts, nothing about countries).
struct MetricsRoutes {
    let registry: PrometheusCollectorRegistry

    func register(on router: Router<AppRequestContext>) {
        router.get("metrics") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer()))
            )
        }
    }
}
