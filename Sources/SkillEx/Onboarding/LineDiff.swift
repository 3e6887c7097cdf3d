/// A unified diff of two texts by lines, for showing what `skillex init` would change.
public enum LineDiff {
    private enum Step: Equatable { case same(Int, Int), removed(Int), added(Int) }

    /// The unified diff (3 lines of context) from `old` to `new`, headed by `path`; empty when equal.
    public static func unified(old: String, new: String, path: String, context: Int = 3) -> String {
        let a = lines(old)
        let b = lines(new)
        if a == b { return "" }
        let steps = script(a, b)
        var out = "--- \(path)\n+++ \(path) (skillex init)\n"
        let changes = steps.indices.filter { if case .same = steps[$0] { false } else { true } }
        var groups: [(Int, Int)] = []
        for change in changes {
            if let last = groups.last, change - last.1 <= 2 * context + 1 {
                groups[groups.count - 1].1 = change
            } else {
                groups.append((change, change))
            }
        }
        for (first, last) in groups {
            let start = max(0, first - context)
            let stop = min(steps.count, last + 1 + context)
            out += hunk(Array(steps[start..<stop]), a, b)
        }
        return out
    }

    private static func hunk(_ steps: [Step], _ a: [Substring], _ b: [Substring]) -> String {
        var oldStart = 0, newStart = 0, oldCount = 0, newCount = 0
        var body = ""
        for (offset, step) in steps.enumerated() {
            switch step {
            case .same(let i, let j):
                if offset == 0 { oldStart = i; newStart = j }
                oldCount += 1; newCount += 1
                body += " \(a[i])\n"
            case .removed(let i):
                if offset == 0 { oldStart = i; newStart = firstNew(steps) }
                oldCount += 1
                body += "-\(a[i])\n"
            case .added(let j):
                if offset == 0 { newStart = j; oldStart = firstOld(steps) }
                newCount += 1
                body += "+\(b[j])\n"
            }
        }
        let oldFrom = oldCount == 0 ? oldStart : oldStart + 1
        let newFrom = newCount == 0 ? newStart : newStart + 1
        return "@@ -\(oldFrom),\(oldCount) +\(newFrom),\(newCount) @@\n" + body
    }

    private static func firstNew(_ steps: [Step]) -> Int {
        for step in steps { if case .same(_, let j) = step { return j } else if case .added(let j) = step { return j } }
        return 0
    }

    private static func firstOld(_ steps: [Step]) -> Int {
        for step in steps { if case .same(let i, _) = step { return i } else if case .removed(let i) = step { return i } }
        return 0
    }

    /// The edit script by longest common subsequence (quadratic: fine for generated files; very
    /// large inputs degrade to "remove all, add all").
    private static func script(_ a: [Substring], _ b: [Substring]) -> [Step] {
        let n = a.count, m = b.count
        guard n * m <= 4_000_000 else { return a.indices.map(Step.removed) + b.indices.map(Step.added) }
        var table = [Int](repeating: 0, count: (n + 1) * (m + 1))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i * (m + 1) + j] = a[i] == b[j]
                    ? table[(i + 1) * (m + 1) + j + 1] + 1
                    : max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1])
            }
        }
        var steps: [Step] = []
        var i = 0, j = 0
        while i < n, j < m {
            if a[i] == b[j] { steps.append(.same(i, j)); i += 1; j += 1 }
            else if table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1] { steps.append(.removed(i)); i += 1 }
            else { steps.append(.added(j)); j += 1 }
        }
        while i < n { steps.append(.removed(i)); i += 1 }
        while j < m { steps.append(.added(j)); j += 1 }
        return steps
    }

    private static func lines(_ text: String) -> [Substring] {
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false)
        if parts.last == "" { parts.removeLast() }
        return parts
    }
}
