import Foundation

/// One skill a sync will look at.
struct PlannedSkill: Sendable {
    var repo: String
    var name: String
    var source: URL
    var target: URL
    var git: GitInfo?
    var validator: ExternalValidator?
}

/// Turns the manifest's repositories into planned skills and repository-level errors.
struct SyncPlanner {
    var workspace: Workspace
    var options: SyncOptions

    struct Plan {
        var skills: [PlannedSkill] = []
        var issues: [SyncIssue] = []
        /// Repositories whose skills folder was listed, so missing skills can be pruned.
        var listedRepos: Set<String> = []
    }

    func plan(_ manifest: Manifest) -> Plan {
        var plan = Plan()
        for repo in manifest.repositories {
            let root = resolve(repo.path)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder) else {
                plan.issues.append(
                    SyncIssue(reason: "missing_repo", repo: repo.name, path: root.path,
                              message: "repository \(repo.name) not found"))
                continue
            }
            guard isFolder.boolValue else {
                plan.issues.append(
                    SyncIssue(reason: "missing_repo", repo: repo.name, path: root.path,
                              message: "repository \(repo.name) is a file, not a folder"))
                continue
            }
            let skillsDir = root.appendingPathComponent(repo.skillsDir ?? RepositoryEntry.defaultSkillsDir)
            guard FileManager.default.fileExists(atPath: skillsDir.path, isDirectory: &isFolder),
                isFolder.boolValue
            else {
                plan.issues.append(
                    SyncIssue(reason: "missing_skills_dir", repo: repo.name, path: skillsDir.path,
                              message: "skills folder not found in repository \(repo.name)"))
                continue
            }
            let folders: [URL]
            do { folders = try SkillDiscovery.subfolders(of: skillsDir) } catch {
                plan.issues.append(
                    SyncIssue(reason: "unreadable", repo: repo.name, path: skillsDir.path,
                              message: error.reason))
                continue
            }
            plan.listedRepos.insert(repo.name)
            let git = GitInfo.read(root)
            let validator = repo.validator.map {
                ExternalValidator(
                    argv: $0, baseFolder: workspace.root,
                    timeout: repo.validatorTimeout ?? options.validatorTimeout)
            }
            for folder in folders {
                let name = folder.lastPathComponent
                if let problem = PathSafety.problem(withFolderName: name) {
                    plan.issues.append(
                        SyncIssue(reason: "invalid_skill_folder", repo: repo.name, skill: name,
                                  path: folder.path, message: "skill folder name \(problem)"))
                    continue
                }
                if let outside = Self.linkOutside(folder, repository: root) {
                    plan.issues.append(
                        SyncIssue(reason: "unsafe_symlink", repo: repo.name, skill: name, path: folder.path,
                                  message: "skill folder is a symlink to \(outside), outside the repository (not followed)"))
                    continue
                }
                plan.skills.append(
                    PlannedSkill(
                        repo: repo.name, name: name, source: folder,
                        target: workspace.skillsURL.appendingPathComponent(repo.name)
                            .appendingPathComponent(name),
                        git: git, validator: validator))
            }
        }
        return plan
    }

    /// Where `folder` leads when it is a symlink resolving outside `repository`; nil otherwise.
    private static func linkOutside(_ folder: URL, repository: URL) -> String? {
        var info = stat()
        guard lstat(folder.path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return nil }
        guard let target = realpath(folder.path, nil) else { return "an unreadable target" }
        defer { free(target) }
        let resolved = String(cString: target)
        guard let base = realpath(repository.path, nil) else { return resolved }
        defer { free(base) }
        return resolved.hasPrefix(String(cString: base) + "/") ? nil : resolved
    }

    private func resolve(_ path: String) -> URL {
        path.hasPrefix("/")
            ? URL(fileURLWithPath: path).standardizedFileURL
            : workspace.root.appendingPathComponent(path).standardizedFileURL
    }
}
