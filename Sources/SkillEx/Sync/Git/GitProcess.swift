import Foundation

/// Runs the system `git` for git sources: no prompt, no hooks, no command-running transports,
/// an allow-list environment, a time limit, and output read from temporary files (so a chatty
/// remote cannot fill a pipe).
struct GitProcess {
    /// The outcome of one `git` run.
    struct Run {
        var status: Int32
        var output: String
        var errors: String
        /// True when the run was stopped at the time limit.
        var timedOut = false
    }

    /// Seconds a `git` run may take.
    var timeout: Double = 600
    /// The environment `git` gets (see `environment(from:)`).
    var environment = GitProcess.environment(from: ProcessInfo.processInfo.environment)

    /// Names passed through to `git`: where programs are, a home (for the user's git
    /// configuration and credential helpers), the locale, a temp folder, the SSH agent and proxies.
    static let passedNames = [
        "SSH_AUTH_SOCK", "GIT_SSH_COMMAND", "GIT_CONFIG_GLOBAL", "XDG_CONFIG_HOME", "GIT_SSL_CAINFO",
        "http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY",
    ]

    /// The allow-listed part of `environment`, with prompts turned off.
    static func environment(from environment: [String: String]) -> [String: String] {
        var out = ChildEnvironment.allowing(passedNames, from: environment)
        out["GIT_TERMINAL_PROMPT"] = "0"
        out["GIT_ASKPASS"] = "true"
        out["SSH_ASKPASS"] = "true"
        return out
    }

    /// Settings given on every run: hooks, command transports and fsmonitor off.
    static let safetySettings = [
        "-c", "core.hooksPath=/dev/null", "-c", "protocol.ext.allow=never", "-c", "core.fsmonitor=false",
        "-c", "advice.detachedHead=false",
    ]

    /// Runs `git` with `arguments` (after the safety settings).
    func run(_ arguments: [String]) -> Run {
        let folder = FileManager.default.temporaryDirectory
        let outURL = folder.appendingPathComponent("skillex-git-\(UUID().uuidString).out")
        let errURL = folder.appendingPathComponent("skillex-git-\(UUID().uuidString).err")
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        guard FileManager.default.createFile(atPath: outURL.path, contents: nil),
            FileManager.default.createFile(atPath: errURL.path, contents: nil),
            let out = FileHandle(forWritingAtPath: outURL.path), let err = FileHandle(forWritingAtPath: errURL.path)
        else { return Run(status: -1, output: "", errors: "cannot create a temporary file for git's output") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + Self.safetySettings + arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch {
            return Run(status: -1, output: "", errors: "cannot start git: \(error.localizedDescription)")
        }
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                timedOut = true
                break
            }
            usleep(1_000)
        }
        process.waitForExit()
        try? out.close()
        try? err.close()
        return Run(
            status: process.terminationStatus, output: Self.read(outURL), errors: Self.read(errURL), timedOut: timedOut)
    }

    /// At most 64 KiB of a file's text.
    private static func read(_ url: URL) -> String {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return "" }
        defer { try? handle.close() }
        return String(decoding: handle.readData(ofLength: 65_536), as: UTF8.self)
    }
}
