import Foundation

/// Canonical paths (every symlink on the way resolved) and the "stays inside" check that sync,
/// scoring's report reading and `skillex init` apply to paths in untrusted repositories.
public enum RealPath {
    /// The canonical path of `path` (`realpath(3)`), or nil when it does not resolve.
    public static func of(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// True when the canonical path `path` is `root` itself or lies under it.
    public static func isInside(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root == "/" ? "/" : root + "/")
    }

    /// Where a path that may not exist yet really leads: the canonical path of its deepest
    /// existing ancestor with the missing components appended (those are created fresh, so no
    /// symlink can hide in them). Nil when an existing component is a symlink that leads
    /// nowhere (writing through it would create its target, wherever that is).
    public static func resolvingExisting(_ path: String) -> String? {
        var missing: [String] = []
        var current = path
        while true {
            var info = stat()
            if lstat(current, &info) == 0 {
                guard let real = of(current) else { return nil }
                return missing.reversed().reduce(real) { $0 == "/" ? "/" + $1 : $0 + "/" + $1 }
            }
            let parent = (current as NSString).deletingLastPathComponent
            if parent == current || parent.isEmpty { return nil }
            missing.append((current as NSString).lastPathComponent)
            current = parent
        }
    }
}
