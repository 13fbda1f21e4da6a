import Foundation
import Logging
import PostgresNIO
import Testing

@testable import AllianceTracker

/// `DatabaseDecimal` reads a `numeric` as the same `Decimal` PostgresNIO's own decoding
/// gives, digit for digit (`description`) and in value.
struct DatabaseDecimalTests {
    @Test func numericsAreReadAsPostgresNIOReadsThem() async throws {
        var random = DemoRandom(seed: 0x14_0DEC)
        var texts = [
            "0", "0.000", "-0.0", "1.500", "100", "1e3", "0.001", "-12.345", "9999", "10000", "0.00010000",
            "18446744073709551615", "18446744073709551616", "123456789012345678901234567.5", "-3.5e-30",
            "NaN", "Infinity", "-Infinity",
        ]
        for _ in 0..<3_000 {
            let digits = String(UInt64.random(in: 0...UInt64.max >> UInt64.random(in: 0...63, using: &random), using: &random))
            let scale = Int.random(in: -12...30, using: &random)
            texts.append("\(Bool.random(using: &random) ? "-" : "")\(digits)e\(scale)")
        }
        let logger = Logger(label: "test")
        let numerals = texts
        let differing = try await TestDatabase.withFreshDatabase { url in
            try await withDatabase(url, logger: logger) { database in
                try await database.read(logger: logger) { session in
                    var differing: [String] = []
                    var fromDigits = 0
                    for row in try await session.rows("SELECT t, t::numeric, t::numeric FROM unnest(\(numerals)::text[]) t") {
                        let (text, fast, plain) = try row.decode((String, DatabaseDecimal, Decimal).self)
                        if fast.value.description != plain.description || fast.value != plain {
                            differing.append("\(text): \(fast.value) against \(plain)")
                        }
                        if let cell = Array(row)[1].bytes, DatabaseDecimal.fromDigits(cell) != nil { fromDigits += 1 }
                    }
                    // the fast path, not PostgresNIO's own, is the one compared
                    #expect(fromDigits > numerals.count / 2, "\(fromDigits) of \(numerals.count) read from their digits")
                    return differing
                }
            }
        }
        #expect(differing.isEmpty, "\(differing.count) of \(texts.count) differ: \(differing.prefix(5))")
    }
}
