import Foundation

/// What was read from the last file of one kind while SkillEx's record of writing it
/// (`WriteStamp`) vouched for it, handed out only while the file keeps that identity: a save can
/// then reuse the bytes read, since they are SkillEx's own encoding.
final class WrittenFileMemory<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: (path: String, identity: FileIdentity, value: Value)?
    /// Where the record of the file at a path is kept.
    private let stampPath: @Sendable (String) -> String

    init(stampPath: @escaping @Sendable (String) -> String) { self.stampPath = stampPath }

    /// Keeps `value`, read from the file at `path`, when the record vouches for that file as it
    /// is now; otherwise (or for nil) keeps nothing.
    func remember(path: String, _ value: Value?) {
        let identity = value == nil ? nil : WriteStamp.holds(path, stamp: stampPath(path))
        lock.withLock {
            if let value, let identity { kept = (path, identity, value) } else { kept = nil }
        }
    }

    /// The value kept for `path`, while the file there is still the one it was read from.
    func value(path: String) -> Value? {
        guard let last = lock.withLock({ kept }), last.path == path, FileIdentity(path: path) == last.identity
        else { return nil }
        return last.value
    }

    /// Forgets the value and removes the record: the file is about to be replaced.
    func forget(path: String) {
        lock.withLock { kept = nil }
        unlink(stampPath(path))
    }

    /// Records the file just written at `path`.
    func noteWritten(path: String) { WriteStamp.record(path, stamp: stampPath(path)) }
}
