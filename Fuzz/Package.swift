// swift-tools-version:6.1
import PackageDescription

/// libFuzzer harnesses for SkillEx's parsers of outside input. Built only by `scripts/fuzz`, with
/// `toolset.json` (`-sanitize=fuzzer` for the code under test, not for build tools) in its own
/// scratch folder; the main package's build and tests never see this package.
let harnesses = [
    "skill-document", "front-matter", "manifest", "zip", "sarif", "lcov", "cobertura",
    "excoveralls", "credo", "dialyzer", "event-log", "site-event-log", "xml-reader", "serve-request",
]

/// The main package's identity, which SwiftPM derives from the folder of a path dependency (its
/// last component, lower-cased, without a `.git` suffix) and not from the name in its manifest:
/// so a clone in a folder of any name builds.
let mainPackage: String = {
    var folder = String(#filePath.split(separator: "/").dropLast(2).last ?? "skillex").lowercased()
    if folder.hasSuffix(".git") { folder.removeLast(4) }
    return folder
}()

let package = Package(
    name: "skillex-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "..")],
    targets: [
        .target(
            name: "FuzzDriver",
            dependencies: [.product(name: "SkillExFuzzSupport", package: mainPackage)],
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
