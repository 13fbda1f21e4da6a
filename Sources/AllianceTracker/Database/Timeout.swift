import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

struct TimeoutError: Error {}

/// Runs `operation`, giving up with `TimeoutError` after `limit`.
///
/// It returns at the deadline even if `operation` ignores its cancellation: a query
/// on a connection whose server has gone away can wait for an answer that never
/// comes, and a task group would wait with it. Such an operation is left to finish
/// (or not) on its own. Every request goes through here (`DeadlineResponder`), so
/// the deadline is a timer of NIO's event loop, much cheaper than a sleeping task.
func withTimeout<T: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    let pending = NIOLockedValueBox<CheckedContinuation<T, any Error>?>(nil)
    let work = NIOLockedValueBox<Task<Void, Never>?>(nil)
    // the first of the operation and the deadline to finish resumes the caller
    @Sendable func finish(_ result: Result<T, any Error>) -> Bool {
        pending.withLockedValue { continuation in
            guard let waiting = continuation else { return false }
            continuation = nil
            waiting.resume(with: result)
            return true
        }
    }
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            pending.withLockedValue { $0 = continuation }
            let deadline = MultiThreadedEventLoopGroup.singleton.any().scheduleTask(in: .nanoseconds(limit.nanoseconds)) {
                if finish(.failure(TimeoutError())) { work.withLockedValue { $0?.cancel() } }
            }
            work.withLockedValue {
                $0 = Task {
                    do { _ = finish(.success(try await operation())) } catch { _ = finish(.failure(error)) }
                    deadline.cancel()
                }
            }
        }
    } onCancel: {
        work.withLockedValue { $0?.cancel() }
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
