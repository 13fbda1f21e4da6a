import NIOConcurrencyHelpers

struct TimeoutError: Error {}

/// Runs `operation`, giving up with `TimeoutError` after `limit`.
///
/// It returns at the deadline even if `operation` ignores its cancellation: a query
/// on a connection whose server has gone away can wait for an answer that never
/// comes, and a task group would wait with it. Such an operation is left to finish
/// (or not) on its own.
func withTimeout<T: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    let pending = NIOLockedValueBox<CheckedContinuation<T, any Error>?>(nil)
    let tasks = NIOLockedValueBox<(work: Task<Void, Never>?, deadline: Task<Void, Never>?)>((nil, nil))
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
            let work = Task {
                do { _ = finish(.success(try await operation())) } catch { _ = finish(.failure(error)) }
                tasks.withLockedValue { $0.deadline?.cancel() }
            }
            let deadline = Task {
                try? await Task.sleep(for: limit)
                if !Task.isCancelled, finish(.failure(TimeoutError())) { work.cancel() }
            }
            tasks.withLockedValue { $0 = (work, deadline) }
        }
    } onCancel: {
        tasks.withLockedValue { $0.work?.cancel() }
    }
}
