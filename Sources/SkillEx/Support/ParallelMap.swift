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
private final class Slots<R>: @unchecked Sendable {
    private var storage: [R?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: R) {
        storage.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func values() -> [R] { storage.compactMap { $0 } }
}
