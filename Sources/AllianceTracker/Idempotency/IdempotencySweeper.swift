import Logging
import ServiceLifecycle

/// Deletes expired idempotency keys a minute after start (once the pool runs) and
/// then every `interval`, in the service's lifecycle. A lookup already ignores an expired key, and a store
/// replaces it, so the sweep is only housekeeping: it keeps the table to a day's keys.
struct IdempotencySweeper: Service {
    let service: IdempotencyService
    let logger: Logger
    var interval: Duration = .seconds(60 * 60)
    var firstSweep: Duration = .seconds(60)

    func run() async throws {
        await cancelWhenGracefulShutdown {
            do { try await Task.sleep(for: firstSweep) } catch { return }
            while !Task.isCancelled {
                do {
                    let deleted = try await service.sweep(logger: logger)
                    logger.info("expired idempotency keys deleted", metadata: ["count": "\(deleted)"])
                } catch {
                    // the database may be away; the next sweep catches up
                    logger.warning("idempotency sweep failed", metadata: ["error": "\(String(reflecting: error))"])
                }
                do { try await Task.sleep(for: interval) } catch { return }
            }
        }
    }
}
