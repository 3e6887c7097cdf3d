import Dispatch

/// Maps over an array on every core, keeping the input order.
public enum ParallelMap {
    /// Applies `transform` to each element concurrently; results are in input order.
    public static func map<T: Sendable, R: Sendable>(
        _ items: [T], _ transform: @Sendable (T) -> R
    ) -> [R] {
        let slots = Slots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.set(index, transform(items[index]))
        }
        return slots.values()
    }

    /// Runs `side` on another thread while `main` runs on this one, and returns both results.
    ///
    /// Unlike mapping over two items, neither closure runs inside `concurrentPerform`, so a
    /// `map` inside either keeps every core: libdispatch runs an apply nested in another apply
    /// with its width divided by the outer one's (one thread on two cores).
    public static func both<A: Sendable, B: Sendable>(
        main: () -> A, side: @escaping @Sendable () -> B
    ) -> (A, B) {
        let slots = Slots<B>(count: 1)
        // Still queued once `main` is done (the other cores busy), `side` runs on this thread.
        let running = ClaimedWork { slots.set(0, side()) }
        let first = main()
        running.wait()
        return (first, slots.values()[0])
    }
}

/// Result slots written by distinct indices from concurrent iterations (no two share a slot).
/// The buffer is allocated once: writing through `Array.withUnsafeMutableBufferPointer` from
/// several threads is itself a race on the array (a SEGV the zip fuzz harness hit).
private final class Slots<R>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<R?>
    /// True once `values()` moved the results out (the slots then hold nothing to destroy).
    private var taken = false

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        if !taken { storage.deinitialize() }
        storage.deallocate()
    }

    func set(_ index: Int, _ value: R) { storage[index] = value }

    /// The results, moved out of the slots (no copy, no retain and release per result); call once.
    func values() -> [R] {
        guard !taken, let base = storage.baseAddress else { return [] }
        taken = true
        return [R](unsafeUninitializedCapacity: storage.count) { buffer, count in
            guard let target = buffer.baseAddress else { return }
            for index in 0..<storage.count {
                guard let value = (base + index).move() else { continue }
                (target + count).initialize(to: value)
                count += 1
            }
        }
    }
}
