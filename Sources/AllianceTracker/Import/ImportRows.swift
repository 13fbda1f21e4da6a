import Foundation

/// One country's rows of an import file, with their line numbers.
struct ImportRows {
    let country: String
    var rows: [(line: Int, value: ReportInput.ValueInput)]

    /// The rows by country, in the order countries first appear.
    static func group(_ table: CSVTable) throws -> [ImportRows] {
        var groups: [ImportRows] = []
        var problems: [ImportError.Problem] = []
        for record in table.records {
            guard let country = record["country"], let indicator = record["indicator"] else {
                problems.append(.init(row: record.line, .missingValue, "country and indicator are required"))
                continue
            }
            var value: ReportedValue?
            if let raw = record["value"] {
                switch raw {
                case "true": value = .bool(true)
                case "false": value = .bool(false)
                default:
                    guard let number = Decimal(string: raw, locale: Locale(identifier: "en_US_POSIX")),
                        raw.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?/) != nil
                    else {
                        problems.append(.init(row: record.line, .invalidType, "value: '\(raw)' is not a number or true/false"))
                        continue
                    }
                    value = .number(number)
                }
            }
            let input = ReportInput.ValueInput(
                indicator: indicator,
                value: value,
                notAvailable: record["not_available"],
                note: record["note"],
                source: record["source"],
                nature: record["nature"]
            )
            if let index = groups.firstIndex(where: { $0.country == country }) {
                groups[index].rows.append((record.line, input))
            } else {
                groups.append(ImportRows(country: country, rows: [(record.line, input)]))
            }
        }
        if !problems.isEmpty { throw ImportError(problems: problems) }
        return groups
    }
}
