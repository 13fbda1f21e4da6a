// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "alliance-tracker",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "alliance", targets: ["alliance"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        // already in the graph through PostgresNIO; used for SHA-256 of tokens and request bodies
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        // the dashboard's HTML templates, which escape by default
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        // gzip of public documents, once per release (zlib through the system's libz)
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        // tests only: reads the OpenAPI document to compare it with the router and the code enums
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    ],
    targets: [
        // libpq, from the system's libpq-dev: used only to run migration files whole,
        // the way psql does (PostgresNIO sends one statement per query).
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(
            name: "AllianceTracker",
            dependencies: [
                "CLibPQ",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ],
            resources: [.copy("Resources/openapi.yaml"), .copy("Resources/Templates")]
        ),
        .executableTarget(
            name: "alliance",
            dependencies: [
                "AllianceTracker",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "AllianceTrackerTests",
            dependencies: [
                "AllianceTracker",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ]
        ),
    ]
)
