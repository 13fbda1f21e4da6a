import Hummingbird

/// JSON or CSV (docs/rules.md §4): `?format=csv` or `Accept: text/csv`.
enum ResponseFormat: String, Sendable {
    case json
    case csv

    init(_ request: Request) throws {
        if let asked = request.uri.queryParameters["format"] {
            guard let format = ResponseFormat(rawValue: String(asked)) else {
                throw DomainError.invalidParameter("format", "must be json or csv, not '\(asked)'")
            }
            self = format
        } else if let accept = request.headers[.accept], accept.contains("text/csv") {
            self = .csv
        } else {
            self = .json
        }
    }

    var contentType: String {
        switch self {
        case .json: "application/json"
        case .csv: "text/csv; charset=utf-8"
        }
    }
}
