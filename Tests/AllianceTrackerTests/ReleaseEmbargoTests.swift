import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// An announced release under embargo: its year and time in the list, and nothing of
/// its content anywhere until its time.
@Suite struct ReleaseEmbargoTests {
    static let note = "Sealed QX7 note"
    /// 2024's victims total in its release (2023's is 350).
    static let figure = "460"

    /// Every public place a release's content could show, and what of it shows there once public.
    static let places: [(path: String, shows: String)] = [
        ("/v1/public/releases", note),
        ("/v1/public/releases?format=csv", note),
        ("/v1/public/releases.atom", note),
        ("/v1/public/summaries/2024", figure),
        ("/v1/public/summaries/2024/releases/1", figure),
        ("/v1/public/summaries/2024?format=csv", figure),
        ("/v1/public/indicators/icse_victims_identified/series", figure),
        ("/v1/public/indicators/icse_victims_identified/series?format=csv", figure),
        ("/v1/public/overview", figure),
        ("/", figure),
        ("/years/2024", figure),
        ("/v1/public/sdmx/data/dataflow/ALLIANCE/STATS/1.0.0/*?format=csv", figure),
        ("/v1/public/sdmx/data/dataflow/ALLIANCE/STATS/1.0.0/*", figure),
        ("/indicators/icse_victims_identified", figure),
        ("/v1/public/indicators/icse_victims_identified/revisions", figure),
        ("/v1/public/indicators/icse_victims_identified/revisions?format=csv", figure),
        ("/v1/public/download.csv", figure),
    ]

    @Test func anEmbargoedReleasesContentShowsNowhereBeforeItsTime() async throws {
        try await withReporting { r in
            try SummaryTests.history(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2023, ["note": "The 2023 figures"])
            _ = try await PublicStatisticsTests.publish(r, 2024, ["note": Self.note, "embargo_until": "2025-03-01T09:00:00Z"])
            for (path, _) in Self.places {
                let response = try await r.send(.get, path, token: nil)
                #expect([.ok, .notFound].contains(response.status), "\(path)")
                for hidden in [Self.note, Self.figure] {
                    // as a figure of its own: not a part of another number, such as a chart's coordinate 460.8
                    let alone = try Regex("(^|[^0-9.,])\(hidden)($|[^0-9.,])")
                    #expect(!response.text.contains(alone), "\(path) shows '\(hidden)' before the embargo's end")
                }
                // no cache keeps it past the embargo's end (13 days ahead: the standard minute)
                if response.status == .ok { #expect(response.headers[.cacheControl] == "public, max-age=60", "\(path)") }
            }
            // listed with its year and time only
            let listed = try await ReleaseListTests.releases(r)
            #expect(listed.count == 2)
            #expect(listed[1] as NSDictionary == ["year": 2024, "status": "embargoed", "public_from": "2025-03-01T09:00:00Z"] as NSDictionary)
            let feed = try await r.send(.get, "/v1/public/releases.atom", token: nil).text
            #expect(!feed.contains("/2024/"), "no entry for it")

            r.clock.set("2025-03-01T09:00:00Z")
            for (path, shows) in Self.places {
                let response = try await r.send(.get, path, token: nil)
                #expect(response.status == .ok, "\(path)")
                #expect(response.text.contains(shows), "\(path) lacks '\(shows)' after the embargo's end")
            }
            let public2024 = try await ReleaseListTests.releases(r)[1]
            #expect(public2024["status"] as? String == "public")
            #expect(public2024["release"] as? Int == 1)
            #expect(public2024["note"] as? String == Self.note)
            #expect(public2024["published_at"] as? String == "2025-02-15T12:00:00Z")
            #expect(public2024["embargo_until"] as? String == "2025-03-01T09:00:00Z")
            #expect(public2024["public_from"] as? String == "2025-03-01T09:00:00Z")
        }
    }

    /// A revision under embargo: the list and the feed say nothing of it, and are never
    /// kept past its end; the body made before is not served after.
    @Test func theListAndTheFeedAreNeverKeptPastAnEmbargosEnd() async throws {
        try await withReporting { r in
            try SummaryTests.history(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2024, ["note": "First"])
            let paths = [ReleaseListTests.list, ReleaseListTests.list + "?format=csv", "/v1/public/releases.atom"]
            for path in paths {
                #expect(try await r.send(.get, path, token: nil).headers[.cacheControl] == "public, max-age=60", "\(path)")
            }
            _ = try await PublicStatisticsTests.publish(r, 2024, ["note": "Second", "embargo_until": "2025-02-15T12:00:25Z"])
            for path in paths {
                let response = try await r.send(.get, path, token: nil)
                #expect(response.headers[.cacheControl] == "public, max-age=25", "\(path)")
                #expect(!response.text.contains("Second"), "\(path)")
                // a 304 carries the same cap
                let etag = try #require(response.headers[.eTag])
                let again = try await r.send(.get, path, token: nil, headers: [.ifNoneMatch: etag])
                #expect(again.status == .notModified, "\(path)")
                #expect(again.headers[.cacheControl] == "public, max-age=25", "\(path)")
            }
            r.clock.set("2025-02-15T12:00:24Z")
            for path in paths {
                #expect(try await r.send(.get, path, token: nil).headers[.cacheControl] == "public, max-age=1", "\(path)")
            }
            r.clock.set("2025-02-15T12:00:25Z")
            for path in paths {
                let response = try await r.send(.get, path, token: nil)
                #expect(response.headers[.cacheControl] == "public, max-age=60", "\(path)")
                #expect(response.text.contains("Second"), "\(path): the body made before the end is not served after it")
            }
            let second = try await ReleaseListTests.releases(r)[1]
            #expect(second["revises"] as? Int == 1)
        }
    }

    /// A release published while an earlier one of its year is under embargo is compared
    /// with the latest public one before it, never with the embargoed one.
    @Test func aReleaseIsNeverComparedWithAnEmbargoedOne() async throws {
        try await withReporting { r in
            try SummaryTests.history(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2024)
            _ = try await PublicStatisticsTests.publish(r, 2024, ["note": "Sealed", "embargo_until": "2025-03-01T09:00:00Z"])
            _ = try await PublicStatisticsTests.publish(r, 2024, ["note": "Third"])
            var listed = try await ReleaseListTests.releases(r)
            #expect(listed.map { $0["status"] as? String } == ["public", "embargoed", "public"])
            #expect(listed[2]["release"] as? Int == 3)
            #expect(listed[2]["revises"] as? Int == 1)
            r.clock.set("2025-03-01T09:00:00Z")
            listed = try await ReleaseListTests.releases(r)
            #expect(listed[1]["revises"] as? Int == 1)
            #expect(listed[2]["revises"] as? Int == 2)
        }
    }
}
