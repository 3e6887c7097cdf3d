/// The cheapest way from the version a folder holds to the latest: a chain of deltas, or the
/// full pack when that is fewer bytes (or no chain exists).
public struct PullPlan: Sendable, Equatable {
    /// One file to fetch and apply.
    public enum Step: Sendable, Equatable {
        /// Replace everything with this version's full pack.
        case full(version: String, pack: DistIndex.Artifact)
        /// Apply this delta, producing `to`.
        case delta(DistIndex.Delta, to: String)
    }

    /// Steps in order.
    public var steps: [Step]
    /// Bytes the steps fetch.
    public var bytes: Int64

    /// The plan from `current` (nil: empty folder) to `index.latest`; nil when already there.
    public static func make(index: DistIndex, current: String?) -> PullPlan? {
        guard let latest = index.latest, let target = index.entry(latest) else { return nil }
        if current == latest { return nil }
        let full = PullPlan(steps: [.full(version: latest, pack: target.pack)], bytes: target.pack.size)
        guard let current, let chain = cheapestChain(index: index, from: current, to: latest) else { return full }
        return chain.bytes < full.bytes ? chain : full
    }

    /// Dijkstra over versions with deltas as edges weighted by size.
    private static func cheapestChain(index: DistIndex, from: String, to: String) -> PullPlan? {
        var best: [String: (bytes: Int64, steps: [Step])] = [from: (0, [])]
        var open: Set<String> = [from]
        var done = Set<String>()
        while let node = open.min(by: { (best[$0]?.bytes ?? .max) < (best[$1]?.bytes ?? .max) }) {
            open.remove(node)
            done.insert(node)
            guard let here = best[node] else { continue }
            if node == to { return PullPlan(steps: here.steps, bytes: here.bytes) }
            for version in index.versions where !done.contains(version.version) {
                for delta in version.deltas where delta.from == node {
                    let cost = here.bytes + delta.size
                    if cost < best[version.version]?.bytes ?? .max {
                        best[version.version] = (cost, here.steps + [.delta(delta, to: version.version)])
                        open.insert(version.version)
                    }
                }
            }
        }
        return nil
    }
}
