import Foundation

/// `GET /v1/public/releases`: every release known, oldest first (by year, then
/// number). A public one says what it is and what it revised; an announced,
/// embargoed one says only its year and when it becomes public.
struct ReleaseListing: Encodable, Sendable {
    var releases: [Entry]

    enum Status: String, Encodable, Sendable {
        case `public`
        case embargoed
    }

    struct Links: Encodable, Sendable, Equatable {
        var summary: String
    }

    struct Entry: Encodable, Sendable {
        var year: Int
        var status: Status
        /// When it becomes (or became) public: its publication, or its embargo's end.
        var publicFrom: Date
        /// The rest only for a public release; an embargoed one leaves them out.
        var release: Int?
        var publishedAt: Date?
        var embargoUntil: Nullable<Date>?
        var note: Nullable<String>?
        var demo: Bool?
        var links: Links?
        /// The release it is compared with: null for a year's first public release.
        var revises: Nullable<Int>?
        var revised: [RevisedIndicator]?
        /// How to cite the release (its reference and the data's licence).
        var citeAs: String?

        static func announced(_ info: ReleaseInfo) -> Entry {
            Entry(year: info.year, status: .embargoed, publicFrom: info.publicFrom)
        }

        static func published(_ info: ReleaseInfo, revises: Int?, revised: [RevisedIndicator], citeAs: String) -> Entry {
            Entry(
                year: info.year,
                status: .public,
                publicFrom: info.publicFrom,
                release: info.release,
                publishedAt: info.publishedAt,
                embargoUntil: Nullable(info.embargoUntil),
                note: Nullable(info.note),
                demo: info.demo,
                links: Links(summary: ReleaseLinks.summary(year: info.year, release: info.release)),
                revises: Nullable(revises),
                revised: revised,
                citeAs: citeAs
            )
        }
    }
}

/// The public addresses the list and the feed point to.
enum ReleaseLinks {
    static let list = "/v1/public/releases"
    static let feed = "/v1/public/releases.atom"

    static func summary(year: Int, release: Int) -> String {
        "/v1/public/summaries/\(year)/releases/\(release)"
    }
}
