import Foundation

/// The entries of one folder as `readdir` gives them: each name and its type (`DT_DIR`, `DT_REG`,
/// `DT_LNK`, or `DT_UNKNOWN` where the file system does not say), without `.` and `..`. Names are
/// read as UTF-8 (a byte that is not becomes U+FFFD). For scans that only need names and types:
/// no `stat` per entry.
package enum FolderEntries {
    /// The entries of the folder at `path`; nil when it cannot be opened.
    package static func list(_ path: String) -> [(name: String, type: UInt8)]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { entries.append((name, entry.pointee.d_type)) }
        }
        return entries
    }
}
