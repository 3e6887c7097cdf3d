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
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isFolder) else {
            throw PathError(path: path.path, reason: "no such file or folder")
        }
        guard isFolder.boolValue else {
            if ["skill.md"].contains(path.lastPathComponent.lowercased()) {
                return [path.deletingLastPathComponent()]
            }
            throw PathError(path: path.path, reason: "not a folder (give a skill folder or a folder of skills)")
        }
        if isSkillFolder(path) { return [path] }
        let children = try subfolders(of: path)
        // A folder with neither SKILL.md nor subfolders is a skill missing its SKILL.md.
        return children.isEmpty ? [path] : children
    }

    /// The visible subfolders of `folder`, sorted by name (each is a candidate skill).
    public static func subfolders(of folder: URL) throws(PathError) -> [URL] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder.path) } catch {
            throw PathError(path: folder.path, reason: "cannot list: \(ErrorText.brief(error))")
        }
        return names.filter { !$0.hasPrefix(".") }.sorted().compactMap { name in
            let url = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder),
                isFolder.boolValue
            else { return nil }
            return url
        }
    }

    /// True when `folder` directly holds SKILL.md or skill.md.
    public static func isSkillFolder(_ folder: URL) -> Bool {
        let fm = FileManager.default
        return fm.fileExists(atPath: folder.appendingPathComponent("SKILL.md").path)
            || fm.fileExists(atPath: folder.appendingPathComponent("skill.md").path)
    }
}
