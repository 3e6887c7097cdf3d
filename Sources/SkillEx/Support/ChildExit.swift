public import Foundation

extension Process {
    /// Blocks until the child has exited, checking every half millisecond.
    ///
    /// Foundation's `waitUntilExit()` on Linux runs the run loop in 50 ms slices and is not woken
    /// when the child ends, so a child that exits in 3 ms can still cost 50 ms of wall time (every
    /// `site` paid it for `git log`). `isRunning` turns false as soon as Foundation has reaped the
    /// child, and `terminationStatus` is set by then.
    public func waitForExit() {
        while isRunning { usleep(500) }
    }
}
