import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

@Suite struct CatalogueTests {
    @Test func countriesListTheFoundersWithTheirJoiningDateAndTheLaterJoiners() async throws {
        try await withApp { client, _ async throws in
            try await client.execute(uri: "/v1/countries", method: .get) { response async throws in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                let countries = try #require(try response.json()["countries"] as? [[String: Any]])
                #expect(countries.count == 55)
                let founders = countries.filter { $0["founding_member"] as? Bool == true }
                #expect(founders.count == 48)
                for founder in founders {
                    let periods = founder["memberships"] as? [[String: Any]]
                    #expect(periods?.first?["joined_on"] as? String == "2012-12-05", "\(founder["code"]!)")
                    #expect(founder["member"] as? Bool == true)
                }
                let later = countries.filter { $0["founding_member"] as? Bool == false }.compactMap { $0["code"] as? String }
                #expect(later == ["AM", "BA", "CA", "CR", "IL", "MX", "XK"])
                let kosovo = try #require(countries.first { $0["code"] as? String == "XK" })
                #expect(kosovo["iso_official"] as? Bool == false)
                #expect(kosovo["member"] as? Bool == false)
                #expect((kosovo["memberships"] as? [Any])?.isEmpty == true)
                let vietNam = try #require(countries.first { $0["code"] as? String == "VN" })
                #expect(vietNam["founding_member"] as? Bool == true)
            }
        }
    }

    @Test func oneCountryAndAnUnknownOne() async throws {
        try await withApp { client, _ async throws in
            try await client.execute(uri: "/v1/countries/FR", method: .get) { response async throws in
                #expect(response.status == .ok)
                let france = try response.json()
                #expect(france["name"] as? String == "France")
                #expect(france["eu_member_at_launch"] as? Bool == true)
                #expect(france["region"] as? String == "Europe")
            }
            for code in ["ZZ", "fr", "FRA"] {
                try await client.execute(uri: "/v1/countries/\(code)", method: .get) { response async throws in
                    try response.expectProblem(.notFound, code: "unknown_country")
                }
            }
        }
    }

    @Test func goalsCarryTheirOperationalGoals() async throws {
        try await withApp { client, _ async throws in
            try await client.execute(uri: "/v1/goals", method: .get) { response async throws in
                #expect(response.status == .ok)
                let goals = try #require(try response.json()["goals"] as? [[String: Any]])
                #expect(goals.compactMap { $0["id"] as? Int } == [1, 2, 3, 4])
                let operational = goals.map { ($0["operational_goals"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String } }
                #expect(operational == [["OG1.1", "OG1.2"], ["OG2.1"], ["OG3.1", "OG3.2"], ["OG4.1", "OG4.2"]])
                let og11 = try #require((goals[0]["operational_goals"] as? [[String: Any]])?.first)
                #expect(og11["confirmed"] as? Bool == true)
                #expect((og11["wording"] as? String)?.contains("at least 10%") == true)
                let og21 = try #require((goals[1]["operational_goals"] as? [[String: Any]])?.first)
                #expect(og21["confirmed"] as? Bool == false)
            }
        }
    }

    @Test func indicatorsShowTheirMeasureKind() async throws {
        try await withApp { client, _ async throws in
            try await client.execute(uri: "/v1/indicators", method: .get) { response async throws in
                #expect(response.status == .ok)
                let indicators = try #require(try response.json()["indicators"] as? [[String: Any]])
                #expect(indicators.count == 15)
                let icse = try #require(indicators.first { $0["code"] as? String == "icse_victims_identified" })
                #expect(icse["measure_kind"] as? String == "flow")
                #expect(icse["goal"] as? Int == 1)
                #expect(icse["operational_goal"] as? String == "OG1.1")
                #expect((icse["definition"] as? String)?.contains("ICSE") == true)
            }
            try await client.execute(uri: "/v1/indicators?goal=4", method: .get) { response async throws in
                let indicators = try #require(try response.json()["indicators"] as? [[String: Any]])
                #expect(indicators.count == 4)
                #expect(indicators.allSatisfy { $0["goal"] as? Int == 4 })
            }
            try await client.execute(uri: "/v1/indicators/notice_takedown_median_days", method: .get) { response async throws in
                #expect(try response.json()["measure_kind"] as? String == "duration")
            }
            for bad in ["9", "0", "x", ""] {
                try await client.execute(uri: "/v1/indicators?goal=\(bad)", method: .get) { response async throws in
                    try response.expectProblem(.badRequest, code: "invalid_parameter")
                    #expect(((try response.json()["errors"] as? [[String: Any]])?.first?["field"] as? String) == "goal")
                }
            }
            try await client.execute(uri: "/v1/indicators/no_such_thing", method: .get) { response async throws in
                try response.expectProblem(.notFound, code: "unknown_indicator")
            }
        }
    }

    @Test func targetsShowOG11WithItsTenPercent() async throws {
        try await withApp { client, _ async throws in
            try await client.execute(uri: "/v1/targets", method: .get) { response async throws in
                #expect(response.status == .ok)
                let targets = try #require(try response.json()["targets"] as? [[String: Any]])
                let og11 = try #require(targets.first { $0["id"] as? String == "OG1.1" })
                #expect(og11["indicator"] as? String == "icse_victims_identified")
                #expect(og11["rule"] as? String == "annual_growth_at_least")
                #expect(og11["threshold"] as? Int == 10)
                #expect(og11["scope"] as? String == "alliance")
                #expect(og11["basis"] as? String == "cumulative_level")
            }
        }
    }

    @Test func publicResponsesAreCacheable() async throws {
        try await withApp { client, url async throws in
            let etag = try await client.execute(uri: "/v1/goals", method: .get) { response async throws in
                #expect(response.headers[.cacheControl] == "public, max-age=60")
                return try #require(response.headers[.eTag])
            }
            try await client.execute(uri: "/v1/goals", method: .get, headers: [.ifNoneMatch: etag]) { response async throws in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
                #expect(response.headers[.eTag] == etag)
            }
            // a change to the catalogue changes the tag
            try sql(url, "UPDATE goals SET title = title || ' (revised)' WHERE id = 3")
            try await client.execute(uri: "/v1/goals", method: .get, headers: [.ifNoneMatch: etag]) { response async throws in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] != etag)
            }
        }
    }
}
