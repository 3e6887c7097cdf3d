import Foundation

/// The `skillex` executable this test run was built with, run as a user runs it: a child process
/// in a given folder, stdout a pipe (so output is plain), `NO_COLOR` set, no `SOURCE_DATE_EPOCH`.
enum BuiltBinary {
    /// What one run printed and how it ended.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `.build/<config>/skillex`, beside the test bundle (`SKILLEX_BIN` wins when set).
    static var url: URL {
        if let path = ProcessInfo.processInfo.environment["SKILLEX_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        return runner.deletingLastPathComponent().appendingPathComponent("skillex")
    }

    /// Runs `skillex arguments…` in `folder` and waits for it.
    static func run(_ arguments: [String], in folder: URL) throws -> Run {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["SOURCE_DATE_EPOCH"] = nil
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the child runs, so a full pipe never blocks it.
        let errorData = LockedData()
        let errorRead = DispatchSemaphore(value: 0)
        Thread {
            errorData.set(err.fileHandleForReading.readDataToEndOfFile())
            errorRead.signal()
        }.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        errorRead.wait()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errorData.value, as: UTF8.self))
    }
}

/// Bytes handed from the stderr reader thread.
private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.withLock { data = value } }
    var value: Data { lock.withLock { data } }
}
