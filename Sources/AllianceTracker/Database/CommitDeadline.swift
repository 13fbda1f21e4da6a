import NIOConcurrencyHelpers

/// Whether a request's transactions may still commit. The request's deadline
/// (`DeadlineResponder`) and its transactions (`Database.transaction`) race for it:
///
/// - a transaction asks `mayCommit()` before it sends COMMIT: after the deadline the
///   answer is no, and it rolls back, so a request answered 503 `timed_out` stores
///   nothing, even though its work ran on (PostgresNIO's cancellation sends no cancel
///   request to the server; `statement_timeout` ends a stuck statement);
/// - at the deadline, `expire()` says whether the request may be answered now: not
///   once a COMMIT was sent (unless the server refused it), since the answer must
///   then say what was stored.
final class CommitDeadline: Sendable {
    /// The deadline of the request the current task serves; none outside requests
    /// (the command line, the import, the tests' direct calls).
    @TaskLocal static var current: CommitDeadline?

    /// How long past the deadline a COMMIT in flight is waited for before the answer
    /// is 503 `outcome_unknown` (a COMMIT takes milliseconds; one sent to a server that
    /// vanished is never answered), and the margin of `statement_timeout` over the deadline.
    static let grace: Duration = .seconds(1)

    private struct State {
        var expired = false
        var committing = false
    }

    private let state = NIOLockedValueBox(State())

    /// Before COMMIT: true (and the COMMIT counts as in flight) unless the deadline passed.
    func mayCommit() -> Bool {
        state.withLockedValue { state in
            guard !state.expired else { return false }
            state.committing = true
            return true
        }
    }

    /// Whether the deadline has passed.
    var hasExpired: Bool { state.withLockedValue { $0.expired } }

    /// After a COMMIT the server refused: nothing was stored, and the deadline may
    /// answer `timed_out`. (After any other outcome the COMMIT stays in flight.)
    func notCommitted() {
        state.withLockedValue { $0.committing = false }
    }

    /// At the deadline: no later COMMIT is sent; true when none is in flight.
    func expire() -> Bool {
        state.withLockedValue { state in
            state.expired = true
            return !state.committing
        }
    }
}
