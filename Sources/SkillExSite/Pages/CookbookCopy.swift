import Foundation
import SkillEx

/// The temporary copy of a hub that a cookbook page's commands run in, laid out so the
/// manifest's relative paths resolve as they do in the real hub.
///
/// A hub often sits beside its repositories (`"path": "../data-team"`). When any string in the
/// manifest climbs out of the hub (`../`, `../../`…), the copy mirrors that many folder levels:
/// the hub goes to `<temp>/<its last N folder names>` and every repository the manifest names
/// outside the hub is copied to the same place relative to `<temp>`. So `../data-team` from the
/// copy is a copy of the real `../data-team`, the commands can neither read nor write the real
/// one, and printed paths (`../data-team/skills/x`) read as they would in the real hub.
/// Absolute paths are left as they are.
struct CookbookCopy {
    /// The temporary folder holding everything (removed by `remove()`).
    let root: URL
    /// The hub's copy, where commands run.
    let hub: URL
    /// How many folder levels the manifest climbs out of the hub (at most `maxClimb`).
    let climb: Int

    /// The deepest climb mirrored; deeper paths resolve outside the copy, as absolute ones do.
    static let maxClimb = 8
    /// What is never copied from the hub: generated folders, rebuilt by the commands.
    static let skipped: Set<String> = ["public", "dist", "skills", ".skillex"]

    /// Copies `workspace` (and the repositories its manifest names outside it) into a new
    /// temporary folder.
    static func make(of workspace: URL) throws -> CookbookCopy {
        // A folder URL, so `../team` resolves against the hub itself, not its parent.
        let source = URL(fileURLWithPath: workspace.standardizedFileURL.path, isDirectory: true)
        let manifest = (try? Data(contentsOf: source.appendingPathComponent("manifest.json")))
            .flatMap { try? JSONDecoder().decodeChecked(JSONValue.self, from: $0) }
        let names = source.pathComponents.filter { $0 != "/" }
        let climb = min(manifest.map(Self.climb) ?? 0, maxClimb, names.count)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("skillex-cookbook-\(UUID().uuidString)")
        let hub = names.suffix(climb).reduce(root) { $0.appendingPathComponent($1, isDirectory: true) }
        let copy = CookbookCopy(root: root, hub: hub, climb: climb)
        do {
            try FileManager.default.createDirectory(at: hub, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where !skipped.contains(name) {
                try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: hub.appendingPathComponent(name))
            }
            if climb > 0, let manifest {
                try copy.copySiblings(Self.repositoryPaths(manifest), of: source)
            }
        } catch {
            copy.remove()
            throw error
        }
        return copy
    }

    /// Removes the whole temporary folder.
    func remove() { try? FileManager.default.removeItem(at: root) }

    /// `text` with the copy's absolute paths made relative to the hub: `<hub>/x` → `x`,
    /// `<hub>` → `.`, `<root>/repo` → `../repo` (as many `../` as the climb).
    func relativize(_ text: String) -> String {
        var text = text
        for folder in Self.spellings(hub) { text = text.replacingOccurrences(of: folder + "/", with: "") }
        for folder in Self.spellings(hub) { text = text.replacingOccurrences(of: folder, with: ".") }
        if climb > 0 {
            let up = String(repeating: "../", count: climb)
            for folder in Self.spellings(root) { text = text.replacingOccurrences(of: folder + "/", with: up) }
        }
        return text
    }

    /// Copies each repository folder `paths` name outside `hub` (relative ones that climb out),
    /// keeping its place relative to the mirrored ancestor. Missing folders are left missing, so
    /// the commands report them as they would in the real hub.
    private func copySiblings(_ paths: [String], of source: URL) throws {
        let anchor = source.pathComponents.dropLast(climb)
        var copied: [[String]] = []
        let targets = paths.map { URL(fileURLWithPath: $0, relativeTo: source).standardizedFileURL.pathComponents }
            .sorted { $0.count < $1.count }
        for target in targets {
            // Only folders under the mirrored ancestor and outside the hub (the hub is copied whole).
            guard target.count > anchor.count, Array(target.prefix(anchor.count)) == Array(anchor),
                !target.starts(with: source.pathComponents),
                !copied.contains(where: { target.starts(with: $0) })
            else { continue }
            let from = target.dropFirst().reduce(URL(fileURLWithPath: "/", isDirectory: true)) {
                $0.appendingPathComponent($1, isDirectory: true)
            }
            guard FileManager.default.fileExists(atPath: from.path) else { continue }
            let to = target.dropFirst(anchor.count).reduce(root) { $0.appendingPathComponent($1, isDirectory: true) }
            try FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: from, to: to)
            copied.append(target)
        }
    }

    /// The relative `path` of each repository in `manifest`.
    static func repositoryPaths(_ manifest: JSONValue) -> [String] {
        guard case .object(let fields) = manifest, case .array(let repositories)? = fields["repositories"] else { return [] }
        return repositories.compactMap { repository in
            guard case .object(let entry) = repository, case .string(let path)? = entry["path"], !path.hasPrefix("/")
            else { return nil }
            return path
        }
    }

    /// The most folder levels any relative path string in `value` climbs above its start.
    static func climb(_ value: JSONValue) -> Int {
        switch value {
        case .string(let text): text.hasPrefix("/") || !text.hasPrefix("..") ? 0 : climb(path: text)
        case .array(let items): items.map(climb).max() ?? 0
        case .object(let fields): fields.values.map(climb).max() ?? 0
        default: 0
        }
    }

    /// How many levels `path` climbs above its start (`../a/../../b` climbs 2).
    static func climb(path: String) -> Int {
        var depth = 0, climb = 0
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if depth == 0 { climb += 1 } else { depth -= 1 }
            default: depth += 1
            }
        }
        return climb
    }

    /// `url`'s path as written and with symlinks resolved (`/tmp` may be a link).
    private static func spellings(_ url: URL) -> [String] {
        let plain = url.path, resolved = url.resolvingSymlinksInPath().path
        return plain == resolved ? [plain] : [plain, resolved]
    }
}
