import Foundation

/// Runs an external validator (argv + the skill's path) with a time limit.
struct ExternalValidator {
    /// The outcome of one run.
    struct Run {
        var passed: Bool
        var message: String
        var output: String
    }

    /// The command, as written in the manifest or on the command line.
    var argv: [String]
    /// Folder that relative program paths are resolved against.
    var baseFolder: URL
    /// Seconds before the process is killed.
    var timeout: Double

    /// Runs the validator on `skill`.
    func run(on skill: URL) -> Run {
        guard let program = argv.first else {
            return Run(passed: false, message: "validator command is empty", output: "")
        }
        let process = Process()
        if program.contains("/") {
            process.executableURL =
                program.hasPrefix("/")
                ? URL(fileURLWithPath: program) : baseFolder.appendingPathComponent(program)
            process.arguments = Array(argv.dropFirst()) + [skill.path]
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = argv + [skill.path]
        }
        process.currentDirectoryURL = baseFolder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        let collected = OutputCollector()
        pipe.fileHandleForReading.readabilityHandler = { handle in collected.append(handle.availableData) }
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do { try process.run() } catch {
            pipe.fileHandleForReading.readabilityHandler = nil
            return Run(passed: false, message: "cannot start validator \(program): \(ErrorText.brief(error))", output: "")
        }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if done.wait(timeout: .now() + 2) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                done.wait()
            }
            pipe.fileHandleForReading.readabilityHandler = nil
            return Run(
                passed: false, message: "validator \(program) timed out after \(Int(timeout)) s",
                output: collected.text)
        }
        pipe.fileHandleForReading.readabilityHandler = nil
        collected.append(pipe.fileHandleForReading.readDataToEndOfFile())
        let status = process.terminationStatus
        let output = collected.text
        if status == 0 { return Run(passed: true, message: "", output: output) }
        let firstLine = output.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return Run(
            passed: false,
            message: "validator \(program) exited with status \(status)"
                + (firstLine.isEmpty ? "" : ": \(firstLine)"),
            output: output)
    }
}

/// Thread-safe accumulation of a child process's output, capped at 16 KiB.
private final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ chunk: Data) {
        lock.lock()
        defer { lock.unlock() }
        if data.count < 16_384 { data.append(chunk.prefix(16_384 - data.count)) }
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}
