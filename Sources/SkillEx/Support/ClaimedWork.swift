import Foundation

/// Work queued for another core that whoever needs its result first runs: a waiter whose work
/// has not started yet (both cores busy with other queued work) runs it on its own thread
/// instead of blocking until a worker frees up. Started work is waited for.
package final class ClaimedWork: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchGroup()
    /// The work until a thread claims it.
    private var work: (@Sendable () -> Void)?

    /// Queues `work` on the global queue.
    package init(_ work: @escaping @Sendable () -> Void) {
        self.work = work
        done.enter()
        DispatchQueue.global().async { [self] in run() }
    }

    /// Runs the work on this thread unless another thread has claimed it, then waits until it
    /// is done.
    package func wait() {
        run()
        done.wait()
    }

    /// Claims and runs the work, once; a later call does nothing.
    private func run() {
        let claimed = lock.withLock { () -> (@Sendable () -> Void)? in
            defer { work = nil }
            return work
        }
        guard let claimed else { return }
        claimed()
        done.leave()
    }
}
