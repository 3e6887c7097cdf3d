public import Foundation

/// State files read and decoded on another core ahead of their use: a build starts the ones its
/// later stages read (`BuildJob.prefetch`), so they decode while sync walks the skills. A
/// prefetched value is handed over once (unless kept), and only when the file is still the one
/// decoded: its identity unchanged (device, inode, size, times) when it had settled before it was
/// read, else its very bytes; otherwise the caller reads the file itself.
public enum FilePrefetch {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var pending: [String: Load] = [:]

    /// One file being read and decoded.
    private final class Load: @unchecked Sendable {
        /// The read and decode, run by a worker or by the first taker (nil once remembered).
        var reading: ClaimedWork?
        var bytes: Data?
        var value: (any Sendable)?
        /// The file's identity while it was read (the same before and after), and when the
        /// reading started (nanoseconds since 1970).
        var identity: FileIdentity?
        var readAt: Int64 = 0
    }

    /// How long before a read a file must have been last modified for its identity alone to
    /// show it unchanged later: file times tick coarsely (a few milliseconds), so a file changed
    /// in the same tick as it was read could keep its time, and is compared by its bytes.
    static let settledNanoseconds: Int64 = 100_000_000

    /// Starts reading `url` and decoding its bytes with `decode` on another core.
    public static func start<T: Sendable>(_ url: URL, _ decode: @escaping @Sendable (Data) -> T) {
        let load = Load()
        load.reading = ClaimedWork {
            let path = url.path
            load.readAt = now()
            let before = FileIdentity(path: path)
            guard let data = try? Data(contentsOf: url) else { return }
            if let before, FileIdentity(path: path) == before { load.identity = before }
            load.value = decode(data)
            load.bytes = data
        }
        lock.withLock { pending[url.path] = load }
    }

    /// Leaves `value`, read from or written as `bytes`, for later readers of `url` in this
    /// process (`take(_:as:keep:)`): a state file several stages read is decoded once.
    public static func remember<T: Sendable>(_ url: URL, bytes: Data, value: T) {
        let load = Load()
        (load.bytes, load.value) = (bytes, value)
        lock.withLock { pending[url.path] = load }
    }

    /// The realtime clock, as file times count it.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// True when `identity` (the file's while it was read, from `readAt`) had settled before the
    /// read and is the identity of the file at `path` now.
    static func identityVouches(_ identity: FileIdentity?, readAt: Int64, path: String) -> Bool {
        guard let identity, max(identity.modified, identity.changed) + settledNanoseconds < readAt else { return false }
        return FileIdentity(path: path) == identity
    }

    /// The value decoded from `url` (decoding it here when no core has started it yet, waiting
    /// for it while it is decoding) when the file
    /// holds the same bytes now; nil when nothing was started for it, or the file changed. With
    /// `keep`, a later reader of the same file may take it too.
    public static func take<T>(_ url: URL, as type: T.Type, keep: Bool = false) -> T? {
        let found = lock.withLock { keep ? pending[url.path] : pending.removeValue(forKey: url.path) }
        guard let load = found else { return nil }
        load.reading?.wait()
        guard let bytes = load.bytes else { return nil }
        // A file settled before it was read and with the same identity now is not read again.
        if identityVouches(load.identity, readAt: load.readAt, path: url.path) { return load.value as? T }
        guard let current = try? Data(contentsOf: url), current == bytes else { return nil }
        return load.value as? T
    }
}
