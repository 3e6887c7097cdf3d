import Foundation
import Testing

@testable import SkillEx

@Suite("Waiting for a child process")
struct ChildExitTests {
    @Test("waitForExit returns once the child has ended, with its exit status", arguments: [0, 3, 42])
    func status(_ code: Int32) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exit \(code)"]
        try process.run()
        process.waitForExit()
        #expect(!process.isRunning)
        #expect(process.terminationStatus == code)
    }
}
