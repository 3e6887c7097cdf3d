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
}

/// Result slots written by distinct indices from concurrent iterations (no two share a slot).
/// The buffer is allocated once: writing through `Array.withUnsafeMutableBufferPointer` from
/// several threads is itself a race on the array (a SEGV the zip fuzz harness hit).
private final class Slots<R>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<R?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, _ value: R) { storage[index] = value }

    func values() -> [R] { storage.compactMap { $0 } }
}
