public import Foundation

/// `skills[].target_path` in both the forms manifests hold.
///
/// - v0.1's form, which sync writes: `<repo>/<skill>`, relative to the skills folder (the sync
///   target, `skills/` beside the manifest by default). A v0.1 consumer of the manifest finds
///   the skill there.
/// - The form SkillEx 0.2 wrote before: `skills/<repo>/<skill>`, relative to the manifest's
///   folder; an absolute path is taken as it is.
///
/// The two are told apart by their parts: exactly two (`.` parts aside) is v0.1's form. Every
/// reader of `target_path` goes through `hubPath(skillsFolder:)` or `folder(in:)`, so a manifest
/// written by v0.1 and one written by SkillEx are read alike.
extension SkillEntry {
    /// `target_path` as v0.1 writes it for `skill` of `repo`.
    public static func targetPath(repo: String, skill: String) -> String { "\(repo)/\(skill)" }

    /// True when `target_path` is in v0.1's form (relative to the skills folder).
    public var targetPathIsSkillsRelative: Bool { Self.skillsRelative(targetPath) != nil }

    /// The skill's folder relative to the manifest's folder (or absolute), whichever form
    /// `target_path` has; `skillsFolder` is the skills folder relative to the manifest's folder
    /// (or absolute). With the default folder this is `skills/<repo>/<skill>` for both forms.
    public func hubPath(skillsFolder: String = "skills") -> String {
        guard let parts = Self.skillsRelative(targetPath) else { return targetPath }
        return skillsFolder.isEmpty ? parts : skillsFolder + "/" + parts
    }

    /// `path`'s two parts joined by one `/` (`.` parts and empty ones left out) when it is in
    /// v0.1's form; nil otherwise. The usual `<repo>/<skill>` is answered without splitting.
    private static func skillsRelative(_ path: String) -> String? {
        guard !path.hasPrefix("/") else { return nil }
        let utf8 = path.utf8
        if let slash = utf8.firstIndex(of: UInt8(ascii: "/")) {
            let first = utf8[..<slash], rest = utf8[utf8.index(after: slash)...]
            if !rest.contains(UInt8(ascii: "/")), !first.isEmpty, !rest.isEmpty,
                !first.elementsEqual(".".utf8), !rest.elementsEqual(".".utf8)
            {
                return path
            }
        }
        let parts = path.split(separator: "/").filter { $0 != "." }
        return parts.count == 2 ? parts.joined(separator: "/") : nil
    }

    /// The skill's folder on disk in `workspace`.
    public func folder(in workspace: Workspace) -> URL {
        Self.folder(hubPath: hubPath(skillsFolder: workspace.skillsFolder), in: workspace)
    }

    /// The folder at `path` (a `hubPath` result) in `workspace`. A relative path of plain parts
    /// (no empty, `.` or `..` part), the usual `skills/<repo>/<skill>`, is appended to the
    /// standardized root as it is, which is what standardizing would give, without the cost.
    package static func folder(hubPath path: String, in workspace: Workspace) -> URL {
        let root = workspace.root.path
        if !path.isEmpty, !path.hasSuffix("/"), root.hasPrefix("/"), !root.hasSuffix("/"), RelativePath.isNormal(path) {
            return URL(fileURLWithPath: root + "/" + path, isDirectory: true)
        }
        return URL(fileURLWithPath: path, isDirectory: true, relativeTo: workspace.root).standardizedFileURL
    }
}

extension Workspace {
    /// The skills folder relative to the manifest's folder (`skills` by default), or its
    /// absolute path when it lies outside.
    public var skillsFolder: String {
        let root = self.root.path.hasSuffix("/") ? self.root.path : self.root.path + "/"
        let skills = skillsURL.path
        return skills.hasPrefix(root) ? String(skills.dropFirst(root.count)) : skills
    }
}
