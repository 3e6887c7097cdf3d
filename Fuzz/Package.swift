// swift-tools-version:6.1
import PackageDescription

/// libFuzzer harnesses for SkillEx's parsers of outside input. Built only by `scripts/fuzz`, with
/// `toolset.json` (`-sanitize=fuzzer` for the code under test, not for build tools) in its own
/// scratch folder; the main package's build and tests never see this package.
let harnesses = [
    "skill-document", "front-matter", "manifest", "zip", "sarif", "lcov", "cobertura",
    "excoveralls", "credo", "dialyzer", "event-log", "site-event-log", "xml-reader", "serve-request",
]

let package = Package(
    name: "skillex-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "skillex", path: "..")],
    targets: [
        .target(
            name: "FuzzDriver",
            dependencies: [
                .product(name: "SkillEx", package: "skillex"),
                .product(name: "SkillExSite", package: "skillex"),
            ],
            path: "Driver"
        )
    ]
        + harnesses.map { name in
            .executableTarget(
                name: "fuzz-\(name)",
                dependencies: ["FuzzDriver"],
                path: "Harnesses/\(name)",
                swiftSettings: [.unsafeFlags(["-parse-as-library"])]
            )
        }
)
