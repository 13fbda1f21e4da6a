import Foundation

/// One country's rows: laid over its report, saved; then submitted and accepted.
extension ReportImporter {
    /// One country's rows laid over its current version, checked, and saved.
    func load(
        _ group: ImportRows,
        validator: ReportValidator,
        reports: ReportService,
        in session: DatabaseSession
    ) async throws -> [ImportError.Problem] {
        let current = try await reports.report(country: group.country, year: year, in: session, logger: session.logger)
        var merged: [String: ReportInput.ValueInput] = [:]
        for value in current?.values ?? [] {
            merged[value.indicator] = .init(
                indicator: value.indicator,
                value: value.value,
                notAvailable: value.notAvailable,
                note: value.note,
                source: value.source,
                nature: value.nature.rawValue
            )
        }
        var problems: [ImportError.Problem] = []
        var seen = Set<String>()
        for (line, value) in group.rows {
            let found = validator.check(value, field: "", seen: &seen)
            problems += found.problems.map { .init(row: line, $0.code, "\($0.field.dropFirst()): \($0.message)") }
            merged[value.indicator] = value
        }
        guard problems.isEmpty else { return problems }
        let input = ReportInput(
            values: merged.values.sorted { $0.indicator < $1.indicator },
            narratives: current?.narratives.map { .init(goal: $0.goal, actionsTaken: $0.actionsTaken, actionsPlanned: $0.actionsPlanned) }
        )
        do {
            // the file's values go over whatever version is current: the import names none
            _ = try await reports.save(
                country: group.country,
                year: year,
                input,
                expecting: .current,
                actor: actor,
                in: session,
                logger: session.logger
            )
            return []
        } catch let error as DomainError {
            return refusal(error, group)
        }
    }

    /// `--submit` (and `--accept`): the report as the file left it, through the same
    /// checks as a country's submission; a refusal names the row of its indicator.
    func finish(_ group: ImportRows, reports: ReportService, in session: DatabaseSession) async throws -> [ImportError.Problem] {
        do {
            _ = try await reports.submit(
                country: group.country,
                year: year,
                expecting: .current,
                actor: actor,
                in: session,
                logger: session.logger
            )
            guard accept else { return [] }
            _ = try await reports.review(
                country: group.country,
                year: year,
                decision: .accept,
                comment: comment,
                expecting: .current,
                actor: actor,
                in: session,
                logger: session.logger
            )
            return []
        } catch let error as DomainError {
            return refusal(error, group)
        }
    }

    /// A refusal as problems by row: a field's problem on the row of its indicator
    /// (`values.<indicator>…`), anything else on the country's first row.
    private func refusal(_ error: DomainError, _ group: ImportRows) -> [ImportError.Problem] {
        let first = group.rows[0].line
        guard !error.fields.isEmpty else { return [.init(row: first, code: error.publicCode, "\(group.country): \(error.detail)")] }
        return error.fields.map { field in
            let parts = field.field.split(separator: ".")
            let indicator = parts.count > 1 ? String(parts[1]) : nil
            let line = group.rows.first { $0.value.indicator == indicator }?.line
            let place = line == nil ? "\(group.country): \(field.field) (not in the file)" : "\(group.country): \(field.field)"
            return .init(row: line ?? first, field.code, "\(place): \(field.message)")
        }
    }
}
