public import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on a workspace (or a pull target), held with `flock(2)` on a lock file.
///
/// The kernel drops the lock when the holding process dies, however it dies, so a crashed run
/// never blocks the next one. The file keeps one JSON line naming the holder (pid, command,
/// start time) for the message a second run prints; the file itself is never deleted (deleting
/// it would let two runs lock two different files). Acquiring a lock this process already holds
/// nests instead of deadlocking; the descriptor is close-on-exec, so child processes (external
/// validators, cookbook runs) never inherit it.
public struct WorkspaceLock: Sendable {
    /// The lock file.
    public let url: URL

    /// Takes the lock at `url` for `command`; waits up to `wait` seconds (nil or 0: not at all,
    /// `.infinity`: until it is free) while another process holds it. `now` is the start time
    /// recorded for others to read (default: when the lock was taken).
    public static func acquire(
        at url: URL, command: String, wait: Double? = nil, now: Date? = nil
    ) throws(WorkspaceLockError) -> WorkspaceLock {
        let path = url.standardizedFileURL.path
        if LockTable.shared.nest(path) { return WorkspaceLock(url: url) }
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .unavailable(path: path, reason: ErrorText.brief(error))
        }
        let deadline = Date().addingTimeInterval(max(0, wait ?? 0))
        var fd = try open(path)
        while !Self.holds(fd, path: path) {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                close(fd)
                throw .unavailable(path: path, reason: String(cString: strerror(code)))
            }
            if code == EINTR {
                // The file was removed by its last holder (`release(removing:)`): lock the new one.
                close(fd)
                fd = try open(path)
                continue
            }
            if Date() >= deadline {
                // A record left by a dead process (the lock file keeps its last text) names no one.
                let holder = Self.holder(at: url).flatMap { kill($0.pid, 0) == 0 || errno == EPERM ? $0 : nil }
                close(fd)
                throw .busy(path: path, holder: holder, waited: wait ?? 0)
            }
            usleep(50_000)
        }
        let holder = LockHolder(pid: getpid(), command: command, since: Timestamp.string(now ?? Date()))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var line = (try? encoder.encode(holder)) ?? Data()
        line.append(0x0A)
        // Best effort: the lock is what counts; the text only improves the message.
        _ = ftruncate(fd, 0)
        _ = line.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        LockTable.shared.insert(path, fd: fd)
        return WorkspaceLock(url: url)
    }

    /// Releases one acquisition; the last one clears the holder line and closes the file, and
    /// with `removing` deletes it (for locks beside a user's folder, which should leave no trace).
    public func release(removing: Bool = false) {
        let path = url.standardizedFileURL.path
        guard let fd = LockTable.shared.leave(path) else { return }
        _ = ftruncate(fd, 0)
        // Unlinked while still locked: a waiter holding the old file sees it is gone and retries.
        if removing { unlink(path) }
        close(fd)
    }

    private static func open(_ path: String) throws(WorkspaceLockError) -> Int32 {
        let fd = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .unavailable(path: path, reason: String(cString: strerror(errno))) }
        return fd
    }

    /// Tries to lock `fd`; true when locked and `fd` is still the file at `path`. On false,
    /// `errno` is EWOULDBLOCK (held elsewhere), EINTR (the file was replaced) or an error.
    private static func holds(_ fd: Int32, path: String) -> Bool {
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return false }
        var open = stat()
        var named = stat()
        if fstat(fd, &open) == 0, stat(path, &named) == 0, open.st_ino == named.st_ino, open.st_dev == named.st_dev {
            return true
        }
        flock(fd, LOCK_UN)
        errno = EINTR
        return false
    }

    /// The holder recorded in the lock file, when it names one.
    public static func holder(at url: URL) -> LockHolder? {
        guard let data = try? Data(contentsOf: url), !data.isEmpty else { return nil }
        let line = data.prefix { $0 != 0x0A }
        return try? JSONDecoder().decodeChecked(LockHolder.self, from: Data(line))
    }

    /// The lock of a workspace: `.skillex/lock`.
    public static func url(for workspace: Workspace) -> URL {
        workspace.stateURL.appendingPathComponent("lock")
    }

    /// The lock of a folder that is replaced as a whole (a pull target): `.<name>.skillex-lock`
    /// beside it, since the folder itself is swapped out.
    public static func url(beside folder: URL) -> URL {
        folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).skillex-lock")
    }
}

/// Who holds a lock, as written into the lock file.
public struct LockHolder: Sendable, Codable, Equatable {
    /// The holder's process id.
    public var pid: Int32
    /// The command it runs (`build`, `sync`, …).
    public var command: String
    /// When it took the lock (ISO 8601).
    public var since: String

    /// A holder record.
    public init(pid: Int32, command: String, since: String) {
        self.pid = pid
        self.command = command
        self.since = since
    }
}

/// Why a lock could not be taken.
public enum WorkspaceLockError: DescribedError, Equatable {
    /// Another process holds it.
    case busy(path: String, holder: LockHolder?, waited: Double)
    /// The lock file cannot be created or opened (read-only disk, permissions).
    case unavailable(path: String, reason: String)

    /// One line naming the lock and the holder.
    public var description: String {
        switch self {
        case .busy(let path, let holder, let waited):
            let who = holder.map { "skillex \($0.command) (pid \($0.pid), since \($0.since))" } ?? "another process"
            let after = waited > 0 && waited.isFinite ? " after waiting \(Self.seconds(waited))" : ""
            return "\(path): workspace is locked by \(who)\(after); retry later or pass --wait"
        case .unavailable(let path, let reason):
            return "\(path): cannot take the lock: \(reason)"
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(WholeNumberText.string(value)) s" : String(format: "%.1f s", value)
    }
}

/// Locks this process holds, by path, with how often each was acquired.
final class LockTable: @unchecked Sendable {
    static let shared = LockTable()
    private let lock = NSLock()
    private var held: [String: (fd: Int32, count: Int)] = [:]

    /// Counts one more acquisition when `path` is already held; false when it is not.
    func nest(_ path: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard var entry = held[path] else { return false }
        entry.count += 1
        held[path] = entry
        return true
    }

    func insert(_ path: String, fd: Int32) {
        lock.lock()
        defer { lock.unlock() }
        held[path] = (fd, 1)
    }

    /// Counts one release; returns the descriptor to close when it was the last.
    func leave(_ path: String) -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        guard var entry = held[path] else { return nil }
        entry.count -= 1
        if entry.count > 0 {
            held[path] = entry
            return nil
        }
        held[path] = nil
        return entry.fd
    }
}
