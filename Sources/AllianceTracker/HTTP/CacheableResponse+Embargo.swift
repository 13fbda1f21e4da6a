import Foundation

extension CacheableResponse {
    /// The longest a public answer may be kept: 60 s, and never past `nextEmbargoEnd`,
    /// when a release not yet visible becomes visible (whole seconds, rounded down).
    static func cacheControl(nextEmbargoEnd: Date?, now: Date) -> String {
        guard let end = nextEmbargoEnd else { return cacheControl }
        let seconds = end.timeIntervalSince(now).rounded(.down)
        guard seconds < Double(maxAge) else { return cacheControl }
        return "public, max-age=\(max(0, Int(seconds)))"
    }
}
