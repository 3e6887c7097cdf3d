public import Foundation

/// Finds skill folders: a folder with a SKILL.md is a skill; otherwise each visible subfolder is.
public enum SkillDiscovery {
    /// Why a path given on the command line is not usable.
    public struct PathError: DescribedError, Equatable {
        /// The path as given.
        public var path: String
        /// The problem.
        public var reason: String
        /// One line.
        public var description: String { "\(path): \(reason)" }
    }

    /// The skill folders at `path`: itself when it holds SKILL.md (or skill.md) or has no
    /// subfolders, else its visible subfolders, sorted by name.
    public static func skillFolders(at path: URL) throws(PathError) -> [URL] {
        try discover(at: path).folders
    }

    /// The skill folders at `path` (as `skillFolders(at:)`), and the paths of the entries of a
    /// folder of skills whose names are not valid UTF-8, their bad bytes shown as `\xFF`: no
    /// skill can be read from those, so the caller reports them instead of skipping them.
    public static func discover(at path: URL) throws(PathError) -> (folders: [URL], undecodable: [String]) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isFolder) else {
            throw PathError(path: path.path, reason: "no such file or folder")
        }
        guard isFolder.boolValue else {
            if ["skill.md"].contains(path.lastPathComponent.lowercased()) {
                return ([path.deletingLastPathComponent()], [])
            }
            throw PathError(path: path.path, reason: "not a folder (give a skill folder or a folder of skills)")
        }
        if isSkillFolder(path) { return ([path], []) }
        let listed = try listing(of: path)
        let undecodable = listed.undecodable.map { path.path + "/" + $0 }
        // A folder with neither SKILL.md nor subfolders is a skill missing its SKILL.md.
        return (listed.folders.isEmpty && undecodable.isEmpty ? [path] : listed.folders, undecodable)
    }

    /// The visible subfolders of `folder`, sorted by name (each is a candidate skill).
    public static func subfolders(of folder: URL) throws(PathError) -> [URL] {
        try listing(of: folder).folders
    }

    /// The visible subfolders of `folder` (sorted by name, symlinks to folders included), the
    /// names that are not valid UTF-8, shown with their bad bytes as `\xFF` (such a name cannot be
    /// carried: read back as text it names nothing), and the folders that are symlinks or whose
    /// type the listing did not give (only those can lead elsewhere).
    static func listing(of folder: URL) throws(PathError) -> (folders: [URL], undecodable: [String], linked: Set<String>) {
        guard let dir = opendir(folder.path) else {
            throw PathError(path: folder.path, reason: "cannot list: \(String(cString: strerror(errno)))")
        }
        defer { closedir(dir) }
        var names: [(name: String, type: UInt8)] = []
        var undecodable: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(validating: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard let name else {
                undecodable.append(withUnsafeBytes(of: entry.pointee.d_name) { SkillFiles.escaped($0.prefix(while: { $0 != 0 })) })
                continue
            }
            if !name.hasPrefix(".") { names.append((name, entry.pointee.d_type)) }
        }
        // The entry's type says "folder" or "not a folder" without a `stat`; a symlink (followed,
        // as `stat` does) or a file system that gives no type is asked, and named in `linked`.
        var linked = Set<String>()
        let folders = names.sorted { $0.name < $1.name }.compactMap { name, type -> URL? in
            // A folder gets the URL the file system check in `appendingPathComponent(_:)` would give it.
            if Int(type) == Int(DT_DIR) { return folder.appendingPathComponent(name, isDirectory: true) }
            let url = folder.appendingPathComponent(name)
            guard Int(type) == Int(DT_LNK) || Int(type) == Int(DT_UNKNOWN) else { return nil }
            var info = stat()
            guard stat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
            linked.insert(name)
            return url
        }
        return (folders, undecodable.sorted(), linked)
    }

    /// True when `folder` directly holds SKILL.md or skill.md.
    public static func isSkillFolder(_ folder: URL) -> Bool {
        let fm = FileManager.default
        return fm.fileExists(atPath: folder.appendingPathComponent("SKILL.md").path)
            || fm.fileExists(atPath: folder.appendingPathComponent("skill.md").path)
    }
}
