public import Foundation

/// State files read and decoded on another core ahead of their use: a build starts the ones its
/// later stages read (`BuildJob.prefetch`), so they decode while sync walks the skills. A
/// prefetched value is handed over once (unless kept), and only when the file still holds the very bytes that
/// were decoded (reading a file again is cheap; decoding it is what costs); otherwise the caller
/// reads the file itself.
public enum FilePrefetch {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var pending: [String: Load] = [:]

    /// One file being read and decoded.
    private final class Load: @unchecked Sendable {
        let done = DispatchGroup()
        var bytes: Data?
        var value: (any Sendable)?
    }

    /// Starts reading `url` and decoding its bytes with `decode` on another core.
    public static func start<T: Sendable>(_ url: URL, _ decode: @escaping @Sendable (Data) -> T) {
        let load = Load()
        load.done.enter()
        lock.withLock { pending[url.path] = load }
        DispatchQueue.global().async {
            defer { load.done.leave() }
            guard let data = try? Data(contentsOf: url) else { return }
            load.value = decode(data)
            load.bytes = data
        }
    }

    /// Leaves `value`, read from or written as `bytes`, for later readers of `url` in this
    /// process (`take(_:as:keep:)`): a state file several stages read is decoded once.
    public static func remember<T: Sendable>(_ url: URL, bytes: Data, value: T) {
        let load = Load()
        (load.bytes, load.value) = (bytes, value)
        lock.withLock { pending[url.path] = load }
    }

    /// The value decoded from `url` (waiting for it while it is still decoding) when the file
    /// holds the same bytes now; nil when nothing was started for it, or the file changed. With
    /// `keep`, a later reader of the same file may take it too.
    public static func take<T>(_ url: URL, as type: T.Type, keep: Bool = false) -> T? {
        let found = lock.withLock { keep ? pending[url.path] : pending.removeValue(forKey: url.path) }
        guard let load = found else { return nil }
        load.done.wait()
        guard let bytes = load.bytes, let now = try? Data(contentsOf: url), now == bytes else { return nil }
        return load.value as? T
    }
}
