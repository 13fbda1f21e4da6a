/// What keeps a release's figures and the contributor sets recorded beside them from
/// the same accepted values. Publishing reads the accepted values in several
/// statements; an acceptance committed between two of them would record a set that
/// is not the published figure's, and the next release would pass the differencing
/// rule against it. So a publication holds this lock exclusively and every review
/// decision holds it shared: a decision waits for a publication in progress, and a
/// publication for the decisions in progress. An advisory lock: the service's role
/// may not take table locks on the append-only tables it reads.
enum PublicationLock {
    private static let key = "hashtext('alliance.release_figures')"

    /// Publishing: to the end of the transaction, no decision commits, and no other publication starts.
    static func exclusive(on session: DatabaseSession) async throws {
        try await session.run("SELECT pg_advisory_xact_lock(\(unescaped: key))")
    }

    /// Accepting or returning a report: to the end of the transaction, no publication starts.
    static func shared(on session: DatabaseSession) async throws {
        try await session.run("SELECT pg_advisory_xact_lock_shared(\(unescaped: key))")
    }
}
