import Foundation

/// `GET /v1/audit`'s filters.
struct AuditQuery: Sendable {
    var country: String?
    var year: Int?
    var since: Date?
    /// Entries after this id: the cursor of the next page.
    var after: Int64
    var limit: Int

    static let maximumLimit = 500

    init(_ parameters: [String: String]) throws {
        country = parameters["country"]
        if let country, country.wholeMatch(of: /[A-Z]{2}/) == nil {
            throw DomainError.invalidParameter("country", "must be an ISO 3166-1 alpha-2 code in capitals")
        }
        year = try parameters["year"].map { raw in
            guard let year = Int(raw), (2012...2100).contains(year) else {
                throw DomainError.invalidParameter("year", "must be a year from 2012 to 2100")
            }
            return year
        }
        since = try parameters["since"].map { raw in
            // a date means its midnight, UTC; a time is whole RFC 3339, without a fraction (openapi.yaml)
            let date =
                CalendarDate.isValid(raw)
                ? AppClock.dayFormatter.date(from: raw) : JSONCoding.time(raw, fractionalSeconds: false)
            guard let date else { throw DomainError.invalidParameter("since", "must be a date (2025-01-31) or an RFC 3339 time") }
            return date
        }
        after =
            try parameters["after"].map { raw in
                guard let after = Int64(raw), after >= 0 else { throw DomainError.invalidParameter("after", "must be an entry id") }
                return after
            } ?? 0
        limit =
            try parameters["limit"].map { raw in
                guard let limit = Int(raw), (1...Self.maximumLimit).contains(limit) else {
                    throw DomainError.invalidParameter("limit", "must be from 1 to \(Self.maximumLimit)")
                }
                return limit
            } ?? 100
    }

    /// The address of the page after the one that ended at `lastID`.
    func next(after lastID: Int64) -> String {
        var items = [URLQueryItem(name: "after", value: String(lastID)), URLQueryItem(name: "limit", value: String(limit))]
        if let country { items.append(URLQueryItem(name: "country", value: country)) }
        if let year { items.append(URLQueryItem(name: "year", value: String(year))) }
        if let since { items.append(URLQueryItem(name: "since", value: ISO8601DateFormatter().string(from: since))) }
        var components = URLComponents()
        components.path = "/v1/audit"
        components.queryItems = items
        return components.string ?? "/v1/audit"
    }
}
