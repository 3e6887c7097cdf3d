import Foundation

/// Large values a command has finished with, kept until the process exits: tearing down a
/// manifest and a thousand scorecards object by object takes milliseconds that the kernel
/// spends nothing on when it reclaims the process. Only for values used to the end of a run.
public enum KeptUntilExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var values: [Any] = []

    /// Keeps `value` alive until exit.
    public static func keep(_ value: Any) {
        lock.withLock { values.append(value) }
    }
}
