public import Foundation

/// State files read and decoded on another core ahead of their use: a build starts the ones its
/// later stages read (`BuildJob.prefetch`), so they decode while sync walks the skills. A
/// prefetched value is handed over once, and only when the file still holds the very bytes that
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

    /// The value decoded from `url` (waiting for it while it is still decoding) when the file
    /// holds the same bytes now; nil when nothing was started for it, or the file changed.
    public static func take<T>(_ url: URL, as type: T.Type) -> T? {
        guard let load = lock.withLock({ pending.removeValue(forKey: url.path) }) else { return nil }
        load.done.wait()
        guard let bytes = load.bytes, let now = try? Data(contentsOf: url), now == bytes else { return nil }
        return load.value as? T
    }
}
