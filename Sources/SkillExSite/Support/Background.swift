import Foundation
import SkillEx

/// A value made on another core from the moment it is created; `value` waits for it (or makes
/// it on the waiting thread when no core has started it yet). For work whose result is needed
/// later in the build, such as a child process to wait for.
final class Background<Value: Sendable>: @unchecked Sendable {
    private var making: ClaimedWork?
    /// Written once, by whichever thread runs the work; read only after waiting for it.
    private var made: Value?

    /// Starts `make` on another core.
    init(_ make: @escaping @Sendable () -> Value) {
        making = ClaimedWork { [self] in made = make() }
    }

    /// The value, once made.
    var value: Value? {
        making?.wait()
        return made
    }
}
