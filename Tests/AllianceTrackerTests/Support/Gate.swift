/// What a test awaits instead of sleeping: `wait()` returns once `open()` has been
/// called, before or after. It ignores cancellation, as a query on a connection the
/// server killed does, so it also stands for work that never notices it.
actor Gate {
    private var isOpen = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        guard !isOpen else { return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func open() {
        isOpen = true
        for continuation in waiting { continuation.resume() }
        waiting = []
    }
}
