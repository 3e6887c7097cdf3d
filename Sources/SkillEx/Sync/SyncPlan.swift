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

    /// The plan, leaving out the repositories in `skipping`; throws only when a repository's
    /// `validator_env` is malformed.
    func plan(_ manifest: Manifest, skipping: Set<String> = []) throws(ManifestError) -> Plan {
        var plan = Plan()
        let environment = ProcessInfo.processInfo.environment
        for (index, repo) in manifest.repositories.enumerated() where !skipping.contains(repo.name) {
            let allowed = try ValidatorEnvironment.names(of: repo, index: index, manifest: workspace.manifestURL)
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
            // Every folder on the way is resolved: a skills folder (or one above it) that is a
            // symlink must still lead inside the repository.
            let realRoot = RealPath.of(root.path) ?? root.path
            guard let realSkills = RealPath.of(skillsDir.path), RealPath.isInside(realSkills, root: realRoot) else {
                let target = RealPath.of(skillsDir.path) ?? "an unreadable target"
                plan.issues.append(
                    SyncIssue(reason: "unsafe_symlink", repo: repo.name, path: skillsDir.path,
                              message: "skills folder of repository \(repo.name) leads to \(target), outside the "
                                + "repository (not followed)"))
                continue
            }
            let folders: [URL]
            let linked: Set<String>
            do {
                let listing = try SkillDiscovery.listing(of: skillsDir)
                folders = listing.folders
                linked = listing.linked
                for name in listing.undecodable {
                    // No skill name: the folder's name cannot be written as one.
                    plan.issues.append(
                        SyncIssue(reason: "invalid_skill_folder", repo: repo.name,
                                  path: skillsDir.path + "/" + name, message: "name is not valid UTF-8 (not synced)"))
                }
            } catch {
                plan.issues.append(
                    SyncIssue(reason: "unreadable", repo: repo.name, path: skillsDir.path,
                              message: error.reason))
                continue
            }
            plan.listedRepos.insert(repo.name)
            // A git source's tree has no `.git`: its commit is the one sync just resolved.
            let git = repo.git == nil ? GitInfo.read(root) : GitInfo(commit: repo.commit, branch: nil)
            let validator = repo.validator.map {
                ExternalValidator(
                    argv: $0, baseFolder: workspace.root,
                    timeout: repo.validatorTimeout ?? options.validatorTimeout,
                    environment: ChildEnvironment.allowing(allowed, from: environment))
            }
            // Built once per repository, and marked as folders: `appendingPathComponent(_:)`
            // would ask the file system, twice per skill.
            let targetFolder = workspace.skillsURL.appendingPathComponent(repo.name, isDirectory: true)
            for folder in folders {
                let name = folder.lastPathComponent
                if let problem = PathSafety.problem(withFolderName: name) {
                    plan.issues.append(
                        SyncIssue(reason: "invalid_skill_folder", repo: repo.name, skill: name,
                                  path: folder.path, message: "skill folder name \(problem)"))
                    continue
                }
                // Only a folder reached through a symlink (or of no listed type) can lead outside.
                if linked.contains(name), let outside = Self.linkOutside(folder, realRepository: realRoot) {
                    plan.issues.append(
                        SyncIssue(reason: "unsafe_symlink", repo: repo.name, skill: name, path: folder.path,
                                  message: "skill folder is a symlink to \(outside), outside the repository (not followed)"))
                    continue
                }
                plan.skills.append(
                    PlannedSkill(
                        repo: repo.name, name: name, source: folder,
                        target: targetFolder.appendingPathComponent(name, isDirectory: true),
                        git: git, validator: validator))
            }
        }
        return plan
    }

    /// Where `folder` leads when it is a symlink resolving outside the repository (whose
    /// canonical path is `realRepository`); nil otherwise.
    private static func linkOutside(_ folder: URL, realRepository: String) -> String? {
        var info = stat()
        guard lstat(folder.path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return nil }
        guard let resolved = RealPath.of(folder.path) else { return "an unreadable target" }
        return resolved.hasPrefix(realRepository + "/") ? nil : resolved
    }

    private func resolve(_ path: String) -> URL {
        path.hasPrefix("/")
            ? URL(fileURLWithPath: path).standardizedFileURL
            : workspace.root.appendingPathComponent(path).standardizedFileURL
    }
}
