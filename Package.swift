// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ClaimKit",
    products: [
        .library(name: "ClaimKit", targets: ["ClaimKit"]),
        .executable(name: "claimkit", targets: ["claimkit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Tells users which system package provides ICU when pkg-config cannot find it.
        .systemLibrary(
            name: "ICUSystem",
            path: "Sources/ICUSystem",
            pkgConfig: "icu-uc",
            providers: [.apt(["libicu-dev"]), .brew(["icu4c"])]
        ),
        // Debian renames ICU symbols through macros Swift cannot import, so a thin C layer wraps them.
        .target(
            name: "CICU",
            dependencies: ["ICUSystem"],
            path: "Sources/CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        .target(
            name: "Gazetteers",
            path: "Gazetteers",
            exclude: ["README.md"],
            resources: [.copy("data")]
        ),
        .target(
            name: "ClaimKit",
            dependencies: ["CICU", "Gazetteers"],
            path: "Sources/ClaimKit",
            resources: [.copy("Resources/lexicons")]
        ),
        .executableTarget(
            name: "claimkit",
            dependencies: [
                "ClaimKit",
                "CICU",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/claimkit"
        ),
        .testTarget(
            name: "ClaimKitTests",
            // claimkit is listed so that `swift test` builds the binary the CLI tests run;
            // CICU so that a test can hold the word-break shortcut against ICU itself.
            dependencies: ["ClaimKit", "claimkit", "CICU"],
            path: "Tests/ClaimKitTests",
            resources: [.copy("Fixtures")]
        ),
    ]
)
