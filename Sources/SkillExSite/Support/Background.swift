import Foundation

/// A value made on another core from the moment it is created; `value` waits for it. For work
/// whose result is needed later in the build, such as a child process to wait for.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var made: Value?

    /// Starts `make` on another core.
    init(_ make: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async { [self] in
            let result = make()
            lock.withLock { made = result }
            done.signal()
        }
    }

    /// A value that is already made.
    init(made value: Value) {
        made = value
        done.signal()
    }

    /// The value, once made.
    var value: Value {
        if let known = lock.withLock({ made }) { return known }
        done.wait()
        done.signal()  // later readers do not wait
        return lock.withLock { made! }
    }
}
