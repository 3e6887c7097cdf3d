public import Foundation

/// Copies a folder of this repository as a fresh clone holds it: only the files git tracks, so
/// what a demo or an earlier run left beside them (synced skills, packs, a rewritten manifest
/// state) never reaches a test.
public enum TrackedCopy {
    /// The repository's root, found from this source file's place in it.
    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../..").standardizedFileURL
    }

    /// Copies the tracked files under `relativeFolder` (e.g. `examples/hub`) to `target`.
    public static func copy(_ relativeFolder: String, to target: URL) throws {
        let files = try trackedFiles(under: relativeFolder)
        let source = repositoryRoot.appendingPathComponent(relativeFolder)
        let manager = FileManager.default
        try manager.createDirectory(at: target, withIntermediateDirectories: true)
        for relative in files {
            let destination = target.appendingPathComponent(relative)
            try manager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.copyItem(at: source.appendingPathComponent(relative), to: destination)
        }
    }

    /// Paths relative to `relativeFolder` of the files git tracks there.
    static func trackedFiles(under relativeFolder: String) throws -> [String] {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", repositoryRoot.path, "ls-files", "-z", "--", relativeFolder]
        let output = Pipe()
        git.standardOutput = output
        try git.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        git.waitUntilExit()
        guard git.terminationStatus == 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "git ls-files failed for \(relativeFolder)"])
        }
        let prefix = relativeFolder.hasSuffix("/") ? relativeFolder : relativeFolder + "/"
        return String(decoding: data, as: UTF8.self).split(separator: "\0").map(String.init)
            .filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }
}
