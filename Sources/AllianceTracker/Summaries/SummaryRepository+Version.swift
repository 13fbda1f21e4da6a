import PostgresNIO

extension SummaryRepository {
    /// The live summary's data version (sql/0020): every change able to alter a live
    /// summary moves it, by trigger, in the change's own transaction. Read it before the
    /// figures, so that figures kept under it are never older than it.
    /// Nil only if its one row is gone (the owner's doing): then nothing is kept.
    func dataVersion(on session: DatabaseSession) async throws -> Int64? {
        try await session.rows(DataVersion()).first?.decode(Int64.self)
    }

    /// The statement of `dataVersion`; a token's check reads it too (`TokenRepository.live`).
    static let dataVersionSQL = "SELECT version FROM summary_data_version"
}

/// `SummaryRepository.dataVersion`: run for a live summary whose request did not carry
/// the version already (`AppRequestContext.summaryDataVersion`).
private struct DataVersion: PreparedStatement {
    static let sql = SummaryRepository.dataVersionSQL
    func makeBindings() -> PostgresBindings { PostgresBindings() }
}
