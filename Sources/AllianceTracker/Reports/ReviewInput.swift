/// The body of `POST /v1/countries/{cc}/reports/{year}/review`.
struct ReviewInput: Decodable, Sendable {
    var decision: ReviewDecision
    var comment: String?
}
