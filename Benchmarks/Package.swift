// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ClaimKitBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // `name:` fixes the package identity whatever folder the repository was cloned into.
        .package(name: "ClaimKit", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(
            name: "BenchmarkCorpus",
            dependencies: [.product(name: "ClaimKit", package: "ClaimKit")],
            path: "Sources/BenchmarkCorpus"
        ),
        // Side-by-side ratios to bare ICU in one process: `swift run -c release claimkit-bench`.
        .executableTarget(
            name: "claimkit-bench",
            dependencies: ["BenchmarkCorpus", .product(name: "ClaimKit", package: "ClaimKit")],
            path: "Sources/claimkit-bench"
        ),
        // Wall clock, throughput and allocations per stage with ordo-one/benchmark.
        .executableTarget(
            name: "ClaimKitBenchmarks",
            dependencies: [
                "BenchmarkCorpus",
                .product(name: "ClaimKit", package: "ClaimKit"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "ClaimKitBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
