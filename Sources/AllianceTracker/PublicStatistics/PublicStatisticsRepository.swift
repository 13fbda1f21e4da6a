/// What the public figures read of the catalogue.
struct PublicStatisticsRepository: Sendable {
    /// An indicator's measure kind and unit; nil when there is no such indicator.
    func indicator(_ code: String, on session: DatabaseSession) async throws -> (kind: MeasureKind, unit: String)? {
        try await session.rows("SELECT measure_kind, unit FROM indicators WHERE code = \(code)").first
            .map { try $0.decode((MeasureKind, String).self) }
    }

    /// Codes of the dashboard's headline indicators.
    func headlineIndicators(on session: DatabaseSession) async throws -> [String] {
        try await session.rows("SELECT code FROM indicators WHERE headline ORDER BY goal, code").map { try $0.decode(String.self) }
    }
}
