import Foundation

/// Runs an external validator (argv + the skill's path) with a time limit.
///
/// The validator runs in its own process group with its output in a temporary file, so on a
/// timeout the whole group (including grandchildren such as `sleep`) is killed and nothing
/// waits on a pipe a grandchild still holds open.
struct ExternalValidator {
    /// The outcome of one run.
    struct Run {
        var passed: Bool
        var message: String
        var output: String
    }

    /// The command, as written in the manifest or on the command line.
    var argv: [String]
    /// Folder that relative program paths are resolved against (and the working directory).
    var baseFolder: URL
    /// Seconds before the process group is killed.
    var timeout: Double
    /// The whole environment the program gets (see `ChildEnvironment`).
    var environment: [String: String] = ChildEnvironment.allowing([], from: ProcessInfo.processInfo.environment)

    /// Most output kept in an error.
    static let outputLimit = 16_384

    /// Runs the validator on `skill`.
    func run(on skill: URL) -> Run {
        guard let program = argv.first, !program.isEmpty else {
            return Run(passed: false, message: "validator command is empty", output: "")
        }
        let executable: String
        var arguments: [String]
        if program.contains("/") {
            executable = program.hasPrefix("/") ? program : baseFolder.appendingPathComponent(program).path
            arguments = [executable] + argv.dropFirst()
        } else {
            executable = "/usr/bin/env"
            arguments = ["env"] + argv
        }
        arguments.append(skill.path)
        let outputURL = FileManager.default.temporaryDirectory
            .appendingPathComponent("skillex-validator-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: outputURL) }
        let pid: pid_t
        switch spawn(executable, arguments, output: outputURL.path) {
        case .success(let spawned): pid = spawned
        case .failure(let reason):
            return Run(passed: false, message: "cannot start validator \(program): \(reason)", output: "")
        }
        let status = waitWithTimeout(pid)
        let output = readOutput(outputURL)
        guard let status else {
            return Run(
                passed: false, message: "validator \(program) timed out after \(formatSeconds(timeout))",
                output: output)
        }
        if status == 0 { return Run(passed: true, message: "", output: output) }
        let firstLine = output.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return Run(
            passed: false,
            message: "validator \(program) exited with status \(status)" + (firstLine.isEmpty ? "" : ": \(firstLine)"),
            output: output)
    }

    private enum Spawned { case success(pid_t), failure(String) }

    private func spawn(_ executable: String, _ arguments: [String], output: String) -> Spawned {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        // `sh -c 'cd "$0" && exec "$@"'` sets the working directory without a chdir file action.
        let wrapped = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", baseFolder.path, executable]
            + arguments.dropFirst()
        var cArgs: [UnsafeMutablePointer<CChar>?] = wrapped.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        // Validators may be the repositories' own scripts: they get the allow-list, nothing else.
        var environment = self.environment.sorted { $0.key < $1.key }
            .map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { environment.forEach { free($0) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, "/bin/sh", &actions, &attributes, &cArgs, &environment)
        return code == 0 ? .success(pid) : .failure(String(cString: strerror(code)))
    }

    /// The exit status, or nil when the time limit passed (the process group is then killed).
    private func waitWithTimeout(_ pid: pid_t) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return exitCode(status) }
            if result < 0 && errno != EINTR { return -1 }
            if Date() >= deadline { break }
            usleep(1_000)
        }
        kill(-pid, SIGKILL)
        _ = waitpid(pid, &status, 0)
        return nil
    }

    private func exitCode(_ status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    private func readOutput(_ url: URL) -> String {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return "" }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: Self.outputLimit)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    private func formatSeconds(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? "\(WholeNumberText.string(seconds)) s" : String(format: "%.1f s", seconds)
    }
}
