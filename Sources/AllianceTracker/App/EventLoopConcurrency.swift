import NIOCore
import NIOPosix

/// Where Swift concurrency runs its jobs. By default a pool of its own threads, while the
/// HTTP server and the database pool run on NIO's event loops: a request then moved
/// between the two at every await on the network (the token's check, the data version,
/// each statement), and the kernel's task switches were half of what the service did for
/// a warm live summary (`perf`, docs/benchmarks.md "Live summary").
public enum EventLoopConcurrency {
    /// Makes `MultiThreadedEventLoopGroup.singleton`, which the server and the pool use, the
    /// global executor. Call it once, first thing, from the main thread. What runs on it
    /// must not wait: `serve` never uses the blocking libpq connection, which `migrate`
    /// and the other one-shot commands use while nothing else runs. A task's children
    /// stay on its loop: work is spread over the loops by connection, not within a request.
    /// False when this platform does not allow it: concurrency keeps its own pool.
    @discardableResult
    public static func install() -> Bool {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}
