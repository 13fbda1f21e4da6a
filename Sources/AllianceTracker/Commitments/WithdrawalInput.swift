/// The body of `POST …/commitments/{id}/withdraw`: why the country withdraws it.
struct WithdrawalInput: Decodable, Sendable {
    var reason: String?
}
