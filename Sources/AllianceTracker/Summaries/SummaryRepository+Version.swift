import PostgresNIO

extension SummaryRepository {
    /// The live summary's data version (sql/0020): every change able to alter a live
    /// summary moves it, by trigger, in the change's own transaction. Read it before the
    /// figures, so that figures kept under it are never older than it.
    func dataVersion(on session: DatabaseSession) async throws -> Int64 {
        try await session.rows("SELECT version FROM summary_data_version")[0].decode(Int64.self)
    }
}
