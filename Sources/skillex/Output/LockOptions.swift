import ArgumentParser
import Foundation

/// `--wait` and `--wait-timeout`: what a command does when another run holds the workspace lock.
struct LockOptions: ParsableArguments {
    @Flag(help: "When another skillex run holds the workspace lock, wait for it instead of exiting 2.")
    var wait = false
    @Option(help: "Wait at most this many seconds for the workspace lock (implies --wait; default: $SKILLEX_LOCK_WAIT or 0).")
    var waitTimeout: Double?

    func validate() throws { try Self.validate(waitTimeout: waitTimeout) }

    /// Seconds to wait: `--wait-timeout`, else forever with `--wait`, else `$SKILLEX_LOCK_WAIT`, else 0.
    var seconds: Double { Self.seconds(wait: wait, waitTimeout: waitTimeout) }

    /// Rejects a negative or NaN `--wait-timeout`.
    static func validate(waitTimeout: Double?) throws {
        if let waitTimeout, !(waitTimeout >= 0) {
            throw ValidationError("--wait-timeout: must be a number of seconds, 0 or more")
        }
    }

    /// `seconds` for these flag values.
    static func seconds(wait: Bool, waitTimeout: Double?) -> Double {
        if let waitTimeout { return waitTimeout }
        if wait { return .infinity }
        let environment = ProcessInfo.processInfo.environment
        return environment["SKILLEX_LOCK_WAIT"].flatMap(Double.init).map { max(0, $0) } ?? 0
    }
}
