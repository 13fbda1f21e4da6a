import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

struct TimeoutError: Error {}

/// The deadline passed while a COMMIT was in flight, and its result did not come
/// within the grace that followed.
struct CommitTimeoutError: Error {}

/// Runs `operation`, giving up with `TimeoutError` after `limit`.
///
/// It returns at the deadline even if `operation` ignores its cancellation: a query
/// on a connection whose server has gone away can wait for an answer that never
/// comes, and a task group would wait with it. Such an operation is left to finish
/// (or not) on its own. Every request goes through here (`DeadlineResponder`), so
/// the deadline is a timer of NIO's event loop, much cheaper than a sleeping task.
///
/// With a `deadline`, the operation runs with it as `CommitDeadline.current`: at the
/// limit, a COMMIT in flight is waited for (for up to `CommitDeadline.grace` more,
/// then `CommitTimeoutError`), and none is sent afterwards.
func withTimeout<T: Sendable>(
    _ limit: Duration,
    deadline: CommitDeadline? = nil,
    _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    let pending = NIOLockedValueBox<CheckedContinuation<T, any Error>?>(nil)
    let work = NIOLockedValueBox<(task: Task<Void, Never>?, cancelled: Bool)>((nil, false))
    // the first of the operation, the deadline and the caller's cancellation to
    // finish resumes the caller; the others then find nothing to resume
    @Sendable func finish(_ result: Result<T, any Error>) -> Bool {
        guard
            let waiting = pending.withLockedValue({ continuation in
                defer { continuation = nil }
                return continuation
            })
        else {
            return false
        }
        waiting.resume(with: result)
        return true
    }
    @Sendable func cancelWork() {
        work.withLockedValue {
            $0.cancelled = true
            $0.task?.cancel()
        }
    }
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            pending.withLockedValue { $0 = continuation }
            let loop = MultiThreadedEventLoopGroup.singleton.any()
            let timer = NIOLockedValueBox<Scheduled<Void>?>(nil)
            timer.withLockedValue {
                $0 = loop.scheduleTask(in: .nanoseconds(limit.nanoseconds)) {
                    guard deadline?.expire() ?? true else {
                        // a COMMIT is in flight: its result decides the answer
                        let grace = loop.scheduleTask(in: .nanoseconds(CommitDeadline.grace.nanoseconds)) {
                            // answer first: the work, cancelled, would otherwise answer its CancellationError
                            _ = finish(.failure(CommitTimeoutError()))
                            cancelWork()
                        }
                        timer.withLockedValue { $0 = grace }
                        return
                    }
                    _ = finish(.failure(TimeoutError()))
                    cancelWork()
                }
            }
            let task = Task {
                do {
                    let value = try await CommitDeadline.$current.withValue(deadline) { try await operation() }
                    _ = finish(.success(value))
                } catch {
                    _ = finish(.failure(error))
                }
                timer.withLockedValue { $0?.cancel() }
            }
            // a cancellation that came before the task was stored still reaches it
            work.withLockedValue {
                $0.task = task
                if $0.cancelled { task.cancel() }
            }
        }
    } onCancel: {
        cancelWork()
        _ = finish(.failure(CancellationError()))
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
