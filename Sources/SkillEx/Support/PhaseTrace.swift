import Foundation

/// Phase timings for profiling a run: with `SKILLEX_TRACE` set, `mark` prints the milliseconds
/// since the previous mark to standard error (`trace: site.plan 3.1 ms`). Off, a mark costs one
/// load of a flag.
public enum PhaseTrace {
    private static let enabled = ProcessInfo.processInfo.environment["SKILLEX_TRACE"] != nil
    nonisolated(unsafe) private static var last = DispatchTime.now().uptimeNanoseconds
    nonisolated(unsafe) private static var first = true

    /// Prints the time since the previous mark under `label` (only from one thread at a time).
    public static func mark(_ label: @autoclosure () -> String) {
        guard enabled else { return }
        if first {
            first = false
            var used = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &used)
            let cpu = Double(used.tv_sec) * 1000 + Double(used.tv_nsec) / 1e6
            FileHandle.standardError.write(Data("trace: process CPU before the first mark \(String(format: "%.1f", cpu)) ms\n".utf8))
        }
        let now = DispatchTime.now().uptimeNanoseconds
        let line = "trace: \(label()) \(String(format: "%.1f", (Double(now) - Double(last)) / 1e6)) ms\n"
        FileHandle.standardError.write(Data(line.utf8))
        last = DispatchTime.now().uptimeNanoseconds
    }
}
