import Foundation
import SkillEx

/// When each file of a folder was last committed, from one bounded `git log` over the folder.
/// Anything but a clean answer (no git, not a checkout, a refused repository) gives no dates.
enum GitDates {
    /// The most commits read: enough for any cookbook, and quick on a long history.
    static let maxCommits = 2000

    /// Commit dates (`YYYY-MM-DD`) by file name relative to `folder`, newest commit per file.
    static func lastCommitted(in folder: URL) -> [String: String] {
        guard FileManager.default.fileExists(atPath: folder.path), insideRepository(folder.path) else { return [:] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "core.quotepath=off", "log", "-n", "\(maxCommits)", "--format=%x01%cs",
                             "--name-only", "--relative", "--no-renames", "--", "."]
        process.currentDirectoryURL = folder
        // Only what git needs to find itself and the repository: no credentials or tokens.
        let parent = ProcessInfo.processInfo.environment
        var environment = ["LANG": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"]
        for name in ["PATH", "HOME"] { environment[name] = parent[name] }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return [:] }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitForExit()
        guard process.terminationStatus == 0 else { return [:] }
        return parse(String(decoding: data, as: UTF8.self))
    }

    /// True when `path` or a folder above it looks like part of a repository to git: it holds a
    /// `.git` entry, or is itself a bare repository (`HEAD`, `objects/`, `refs/`). Outside one,
    /// git could only refuse, so it is not started (a hub that is not a checkout builds often).
    static func insideRepository(_ path: String) -> Bool {
        var folder = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        while true {
            if access(folder + "/.git", F_OK) == 0 { return true }
            if access(folder + "/HEAD", F_OK) == 0, access(folder + "/objects", F_OK) == 0,
                access(folder + "/refs", F_OK) == 0
            {
                return true
            }
            guard let slash = folder.lastIndex(of: "/"), folder != "/" else { return false }
            folder = slash == folder.startIndex ? "/" : String(folder[..<slash])
        }
    }

    /// Reads `git log --format=%x01%cs --name-only` output: a `\u{1}date` line, then file names.
    static func parse(_ text: String) -> [String: String] {
        var dates: [String: String] = [:]
        var current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.first == "\u{1}" {
                let date = String(line.dropFirst())
                current = date.count == 10 ? date : nil
            } else if let current, dates[String(line)] == nil {
                dates[String(line)] = current
            }
        }
        return dates
    }
}
