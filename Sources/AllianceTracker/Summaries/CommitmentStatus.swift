/// Where a commitment stands in a year against the path to its target.
enum CommitmentStatus: String, Codable, Sendable, CaseIterable {
    case onTrack = "on_track"
    case offTrack = "off_track"
    /// No accepted value, or no path to compare it with.
    case noData = "no_data"
}
