public import Foundation

/// Puts a pull target back in order after a pull was killed part-way: a target moved aside but
/// not yet replaced is moved back (the old version, whole), then staging and old trees are removed.
/// Call only while holding the target's lock (`WorkspaceLock.url(beside:)`).
public enum PullRecovery {
    /// Recovers `target`; returns the leftovers it moved back or removed.
    @discardableResult
    public static func recover(target: URL) -> [String] {
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        let names = ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).sorted()
        let staging = names.filter { $0.hasPrefix(".\(name).pull-") }
        var aside = names.filter { $0.hasPrefix(".\(name).old-") }
        var touched: [String] = []
        if !fm.fileExists(atPath: target.path), aside.count == 1 {
            let old = parent.appendingPathComponent(aside[0])
            if rename(old.path, target.path) == 0 {
                touched.append(old.path)
                aside = []
            }
        }
        for leftover in staging + aside {
            let url = parent.appendingPathComponent(leftover)
            TreeLinker.remove(url)
            touched.append(url.path)
        }
        return touched
    }
}
