import Foundation
import Testing
@testable import SkillEx

/// A separate process holding a lock through `flock(1)`, as another skillex run would.
private final class LockHoldingChild {
    let process = Process()
    let pid: Int32

    /// Starts `sh`, which locks `url`, records itself as `command`, says "locked" and sleeps.
    init(_ url: URL, command: String = "sync", seconds: Int = 30) throws {
        let script = """
            exec 9>>"$0" && flock 9 && : > "$0" && \
            printf '{"pid":%d,"command":"%s","since":"2025-01-01T00:00:00Z"}\\n' $$ "$1" >> "$0" && \
            echo locked && exec sleep "$2"
            """
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, url.path, command, String(seconds)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        pid = process.processIdentifier
        // Wait for "locked": the child holds the lock from here on.
        _ = pipe.fileHandleForReading.readData(ofLength: 7)
    }

    func kill() {
        _ = Foundation.kill(pid, SIGKILL)
        process.waitUntilExit()
    }
}

@Suite("Workspace lock")
struct WorkspaceLockTests {
    private func lockURL() -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("skillex-lock-\(UUID().uuidString)/.skillex/lock")
    }

    /// Whether another process could take the lock right now (`flock -n`).
    private func freeForOthers(_ url: URL) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        process.arguments = ["-n", url.path, "true"]
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test("acquiring records the holder; releasing frees the lock and clears the record")
    func acquireAndRelease() throws {
        let url = lockURL()
        let lock = try WorkspaceLock.acquire(at: url, command: "build", now: Date(timeIntervalSince1970: 0))
        #expect(WorkspaceLock.holder(at: url) == LockHolder(pid: getpid(), command: "build", since: "1970-01-01T00:00:00Z"))
        #expect(try !freeForOthers(url))
        lock.release()
        #expect(try freeForOthers(url))
        #expect(WorkspaceLock.holder(at: url) == nil)
    }

    @Test("a nested acquire in the same process does not deadlock; the outer release frees it")
    func nested() throws {
        let url = lockURL()
        let outer = try WorkspaceLock.acquire(at: url, command: "build")
        let inner = try WorkspaceLock.acquire(at: url, command: "sync")
        inner.release()
        #expect(try !freeForOthers(url))
        #expect(WorkspaceLock.holder(at: url)?.command == "build")
        outer.release()
        #expect(try freeForOthers(url))
    }

    @Test("a second run is refused with one line naming the holder's command, pid and start")
    func contention() throws {
        let url = lockURL()
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let child = try LockHoldingChild(url, command: "sync")
        defer { child.kill() }
        let expected = LockHolder(pid: child.pid, command: "sync", since: "2025-01-01T00:00:00Z")
        #expect(throws: WorkspaceLockError.busy(path: url.path, holder: expected, waited: 0)) {
            try WorkspaceLock.acquire(at: url, command: "build")
        }
        do {
            _ = try WorkspaceLock.acquire(at: url, command: "build", wait: 0.2)
            Issue.record("acquired a lock another process holds")
        } catch {
            #expect(error.description.contains("locked by skillex sync (pid \(child.pid), since 2025-01-01T00:00:00Z)"))
            #expect(error.description.contains("after waiting 0.2 s"))
            #expect(!error.description.contains("\n"))
        }
        // The refused attempt left the holder's record alone.
        #expect(WorkspaceLock.holder(at: url) == expected)
    }

    @Test("a holder killed with SIGKILL leaves no lock behind, and its stale record names no one")
    func staleHolder() throws {
        let url = lockURL()
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let child = try LockHoldingChild(url, command: "package")
        #expect(throws: WorkspaceLockError.self) { try WorkspaceLock.acquire(at: url, command: "build") }
        child.kill()
        // The dead child's text is still in the file, but the kernel dropped its lock.
        #expect(WorkspaceLock.holder(at: url)?.pid == child.pid)
        let lock = try WorkspaceLock.acquire(at: url, command: "build")
        #expect(WorkspaceLock.holder(at: url)?.pid == getpid())
        lock.release()
    }

    @Test("a lock released with removing: leaves no file, and the next acquire makes a new one")
    func removing() throws {
        let url = lockURL()
        try WorkspaceLock.acquire(at: url, command: "pull").release(removing: true)
        #expect(!FileManager.default.fileExists(atPath: url.path))
        let again = try WorkspaceLock.acquire(at: url, command: "pull")
        #expect(try !freeForOthers(url))
        again.release(removing: true)
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test("--wait returns once the holder exits")
    func waits() throws {
        let url = lockURL()
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let child = try LockHoldingChild(url, command: "sync", seconds: 1)
        defer { child.kill() }
        let lock = try WorkspaceLock.acquire(at: url, command: "build", wait: .infinity)
        #expect(WorkspaceLock.holder(at: url)?.command == "build")
        lock.release()
    }

    @Test("a lock file that cannot be created is a one-line error naming it")
    func unavailable() throws {
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("skillex-lock-\(UUID().uuidString)")
        try Data("a file, not a folder".utf8).write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker) }
        let url = blocker.appendingPathComponent(".skillex/lock")
        do {
            _ = try WorkspaceLock.acquire(at: url, command: "build")
            Issue.record("locked below a file")
        } catch {
            #expect(error.description.hasPrefix(url.path + ": cannot take the lock: "))
        }
    }
}
