/// What the secretariat decides on a submitted report.
enum ReviewDecision: String, Decodable, Sendable {
    case accept
    case `return`
}
