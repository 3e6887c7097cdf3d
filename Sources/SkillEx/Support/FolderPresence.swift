import Foundation

/// Answers "is this skill folder still there?" for every skill of a run (sync's installed
/// copies, the site's skill folders) from one listing of each parent folder (`skills/<repo>/`),
/// instead of one `access` call, a full path lookup, per skill. A name listed as a folder is
/// there; anything else (a symlink, a file system that gives no type, a parent that cannot be
/// listed) is asked with `access`, as before.
package final class FolderPresence: @unchecked Sendable {
    private let lock = NSLock()
    /// Per parent folder: the names listed as folders; nil when it could not be listed.
    private var listed: [Substring: Set<String>?] = [:]

    /// A presence checker that has listed nothing yet.
    package init() {}

    /// True when the folder at the absolute `path` exists.
    package func exists(_ path: String) -> Bool {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return access(path, F_OK) == 0 }
        let parent = path[..<slash]
        let name = String(path[path.index(after: slash)...])
        let folders = lock.withLock { () -> Set<String>? in
            if let known = listed[parent] { return known }
            let found = Self.folders(in: String(parent))
            listed[parent] = .some(found)
            return found
        }
        if let folders, folders.contains(name) { return true }
        return access(path, F_OK) == 0
    }

    /// The names `readdir` reports as folders in `path`; nil when it cannot be listed.
    private static func folders(in path: String) -> Set<String>? {
        FolderEntries.list(path).map { entries in Set(entries.filter { Int($0.type) == Int(DT_DIR) }.map(\.name)) }
    }
}
