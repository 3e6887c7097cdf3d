import Foundation

/// A value made on another core from the moment it is created; `value` waits for it. For work
/// whose result is needed later in the build, such as a child process to wait for.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    /// Written once, before `done` is left; read only after waiting for it.
    private var made: Value?

    /// Starts `make` on another core.
    init(_ make: @escaping @Sendable () -> Value) {
        done.enter()
        DispatchQueue.global().async { [self] in
            made = make()
            done.leave()
        }
    }

    /// The value, once made.
    var value: Value? {
        done.wait()
        return made
    }
}
