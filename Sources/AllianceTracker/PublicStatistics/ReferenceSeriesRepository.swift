import Foundation

/// Reads the reference series and their observations.
struct ReferenceSeriesRepository: Sendable {
    func all(on session: DatabaseSession) async throws -> ReferenceSeries {
        var series = try await session.rows(
            "SELECT code, name, publisher, unit, cumulative, caveat FROM reference_series ORDER BY publisher, code"
        ).map { row in
            let (code, name, publisher, unit, cumulative, caveat) = try row.decode((String, String, String, String, Bool, String?).self)
            return ReferenceSeries.Series(
                code: code,
                name: name,
                publisher: publisher,
                unit: unit,
                cumulative: cumulative,
                caveat: caveat,
                observations: []
            )
        }
        let observations = try await session.rows(
            """
            SELECT series, year, period, value, counting, detail, confidence, confidence_note, sources
            FROM reference_observations ORDER BY series, year, period
            """
        )
        for row in observations {
            let (code, year, period, value, counting, detail, confidence, note, sources) =
                try row.decode((String, Int, String, Decimal, String, String?, String, String?, [String]).self)
            guard let index = series.firstIndex(where: { $0.code == code }) else { continue }
            series[index].observations.append(
                .init(
                    year: year,
                    period: period,
                    value: value,
                    counting: counting,
                    detail: detail,
                    confidence: confidence,
                    derived: confidence == "D",
                    confidenceNote: note,
                    sources: sources
                )
            )
        }
        return ReferenceSeries(series: series)
    }
}
