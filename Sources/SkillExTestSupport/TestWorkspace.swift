public import Foundation
public import SkillEx

/// A hub materialised in a temporary folder from one string of `-- path --` sections.
///
/// ```
/// -- manifest.json --
/// {"repositories": [{"name": "acme", "path": "repos/acme"}]}
/// -- repos/acme/.claude/skills/pdf/SKILL.md --
/// ---
/// name: pdf
/// ...
/// ```
public struct TestWorkspace: Sendable {
    /// The temporary root.
    public let root: URL

    /// Writes every section of `archive` under a new temporary folder.
    public init(_ archive: String) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("skillex-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, content) in Self.sections(archive) {
            try write(path, content)
        }
    }

    /// Writes (or replaces) a file relative to the root.
    public func write(_ path: String, _ content: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(content.utf8).write(to: url)
    }

    /// Reads a file relative to the root as UTF-8.
    public func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// True when `path` exists under the root.
    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    /// The URL of `path` under the root.
    public func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// A `Workspace` over this folder with a fixed clock.
    public func workspace(at date: Date = FixedClock.epoch) -> Workspace {
        Workspace(root: root, clock: .fixed(date))
    }

    /// Removes the folder.
    public func remove() { try? FileManager.default.removeItem(at: root) }

    /// Splits `-- path --` sections; content runs to the next header.
    static func sections(_ archive: String) -> [(String, String)] {
        var result: [(String, String)] = []
        var current: String?
        var lines: [Substring] = []
        func flush() {
            if let current { result.append((current, lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n"))) }
        }
        for line in archive.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                flush()
                current = String(line.dropFirst(3).dropLast(3))
                lines = []
            } else {
                lines.append(line)
            }
        }
        flush()
        return result
    }
}

/// Fixed instants for tests.
public enum FixedClock {
    /// 2025-01-02T03:04:05Z.
    public static let epoch = Date(timeIntervalSince1970: 1_735_787_045)
}
