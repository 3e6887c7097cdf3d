// swift-tools-version:6.1
import PackageDescription

/// Settings every target shares: Swift 6 mode and imports that are visible decisions.
let shared: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "skillex",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "skillex", targets: ["skillex"]),
        .library(name: "SkillEx", targets: ["SkillEx"]),
        .library(name: "SkillExMarkdown", targets: ["SkillExMarkdown"]),
        .library(name: "SkillExSite", targets: ["SkillExSite"]),
        .library(name: "SkillExPipeline", targets: ["SkillExPipeline"]),
        // Test aid, not shipped: listed only so the fuzz package in Fuzz/ can depend on it.
        .library(name: "SkillExFuzzSupport", targets: ["SkillExFuzzSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
        ),
        .systemLibrary(name: "CSystemCrypto", providers: [.apt(["libssl-dev"]), .brew(["openssl"])]),
        .systemLibrary(name: "CSystemZlib", providers: [.apt(["zlib1g-dev"])]),
        // libcurl through dlopen (see Sources/CCurl): no link-time dependency, loaded on first request.
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl")]),
        // glibc's allocator thresholds for a short-lived command (see Sources/CMallocTuning).
        .target(name: "CMallocTuning"),
        .target(name: "SkillExMarkdown", dependencies: ["CCmarkGFM"], swiftSettings: shared),
        .target(
            name: "SkillEx",
            dependencies: [
                "SkillExMarkdown", "CSystemCrypto", "CSystemZlib", "CCurl",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: shared
        ),
        .executableTarget(name: "EmbedThemeTool", swiftSettings: shared),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["EmbedThemeTool"]),
        .target(
            name: "SkillExSite",
            dependencies: [
                "SkillEx", "SkillExMarkdown",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: shared,
            plugins: ["EmbedTheme"]
        ),
        // The jobs (sync, score, package, publish, site, build): each use case, whole, with a
        // typed report; the CLI parses options, runs one job and prints its report.
        .target(name: "SkillExPipeline", dependencies: ["SkillEx", "SkillExSite"], swiftSettings: shared),
        .executableTarget(
            name: "skillex",
            dependencies: [
                "SkillEx", "SkillExSite", "SkillExPipeline", "CMallocTuning",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: shared
        ),
        // Test aid, in no product: Tests/Python/test_sigv4.py compares its signatures with botocore's.
        .executableTarget(
            name: "skillex-sigv4-probe", dependencies: ["SkillEx"], path: "Sources/SigV4Probe",
            swiftSettings: shared),
        .target(name: "SkillExTestSupport", dependencies: ["SkillEx"], swiftSettings: shared),
        // Test aid: the libFuzzer entry points (Fuzz/ and the corpus tests call them), kept out of
        // the shipped targets; they reach the parsers through `package` declarations.
        .target(name: "SkillExFuzzSupport", dependencies: ["SkillEx", "SkillExSite"], swiftSettings: shared),
        .testTarget(
            name: "SkillExMarkdownTests", dependencies: ["SkillExMarkdown"],
            resources: [.copy("Fixtures")], swiftSettings: shared),
        .testTarget(
            name: "SkillExTests", dependencies: ["SkillEx", "SkillExTestSupport", "SkillExFuzzSupport"],
            swiftSettings: shared),
        .testTarget(
            name: "SkillExSiteTests", dependencies: ["SkillExSite", "SkillEx", "SkillExTestSupport", "SkillExFuzzSupport"],
            swiftSettings: shared),
        .testTarget(
            name: "SkillExPipelineTests", dependencies: ["SkillExPipeline", "SkillEx", "SkillExTestSupport"],
            swiftSettings: shared),
        .testTarget(
            name: "skillexTests", dependencies: ["skillex", "SkillEx", "SkillExPipeline", "SkillExTestSupport"],
            swiftSettings: shared),
    ]
)
