import Foundation

/// A CSV file (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes)
/// read into rows keyed by the header's column names.
struct CSVTable {
    let name: String
    let columns: [String]
    let rows: [[String]]

    init(name: String, text: String) throws(CSVError) {
        var records = try Self.parse(text, name: name)
        guard !records.isEmpty else { throw CSVError(file: name, line: 1, message: "has no header") }
        self.name = name
        self.columns = records.removeFirst()
        for (index, record) in records.enumerated() where record.count != columns.count {
            throw CSVError(
                file: name,
                line: index + 2,
                message: "has \(record.count) fields where the header has \(columns.count)"
            )
        }
        self.rows = records
    }

    init(contentsOf url: URL) throws {
        try self.init(name: url.lastPathComponent, text: String(contentsOf: url, encoding: .utf8))
    }

    /// The rows as dictionaries; empty fields become nil.
    var records: [Record] {
        rows.enumerated().map { index, row in
            Record(file: name, line: index + 2, values: Dictionary(uniqueKeysWithValues: zip(columns, row)))
        }
    }

    struct Record {
        let file: String
        let line: Int
        let values: [String: String]

        subscript(_ column: String) -> String? {
            guard let value = values[column], !value.isEmpty else { return nil }
            return value
        }

        func required(_ column: String) throws(CSVError) -> String {
            guard let value = self[column] else {
                throw CSVError(file: file, line: line, message: "has no value for '\(column)'")
            }
            return value
        }

        func bool(_ column: String) throws(CSVError) -> Bool {
            switch try required(column) {
            case "true": return true
            case "false": return false
            case let other: throw CSVError(file: file, line: line, message: "'\(column)' must be true or false, not '\(other)'")
            }
        }
    }

    private static func parse(_ text: String, name: String) throws(CSVError) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: quoted = true
            case ",":
                record.append(field)
                field = ""
            case "\r": continue
            case "\n":
                record.append(field)
                field = ""
                records.append(record)
                record = []
                line += 1
            default: field.unicodeScalars.append(scalar)
            }
        }
        if quoted { throw CSVError(file: name, line: line, message: "ends inside a quoted field") }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}

struct CSVError: Error, CustomStringConvertible {
    let file: String
    let line: Int
    let message: String
    var description: String { "\(file) line \(line) \(message)" }
}
