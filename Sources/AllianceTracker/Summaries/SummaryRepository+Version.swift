import PostgresNIO

extension SummaryRepository {
    /// The live summary's data version (sql/0020): every change able to alter a live
    /// summary moves it, by trigger, in the change's own transaction. Read it before the
    /// figures, so that figures kept under it are never older than it.
    func dataVersion(on session: DatabaseSession) async throws -> Int64 {
        try await session.rows(DataVersion())[0].decode(Int64.self)
    }
}

/// `SummaryRepository.dataVersion`: run for every live summary, a repeat served from
/// the cache included.
private struct DataVersion: PreparedStatement {
    static let sql = "SELECT version FROM summary_data_version"
    func makeBindings() -> PostgresBindings { PostgresBindings() }
}
