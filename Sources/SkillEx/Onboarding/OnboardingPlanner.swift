import Foundation

/// Works out an `OnboardingPlan` from answers: reads the manifest, the repository's files and
/// its ledger; writes nothing.
public enum OnboardingPlanner {
    /// The plan for `answers`; `manifestDisplay` is how to show the manifest's path.
    public static func plan(_ answers: OnboardingAnswers, manifestDisplay: String) throws(OnboardingError) -> OnboardingPlan {
        try answers.check()
        let repo = answers.repository
        guard isFolder(repo) else { throw .unreadable(path: repo.path, reason: "is not a folder (the repository to onboard)") }
        let manifestData: Data
        do { manifestData = try Data(contentsOf: answers.manifest) } catch {
            throw .unreadable(path: manifestDisplay, reason: "cannot read the hub manifest: \(ErrorText.brief(error))")
        }
        let hub: Manifest
        do { hub = try ManifestStore.load(answers.manifest) } catch { throw .unreadable(path: manifestDisplay, reason: error.description) }

        let ledger = try InitLedger.load(repository: repo)
        var builder = Builder(repository: repo, ledger: ledger)
        try builder.whole("scripts/validate_skills.sh", ScaffoldTemplates.validatorScript(skillsDir: answers.skillsDir), executable: true)
        if let skill = answers.skillName {
            try builder.whole(
                "\(answers.skillsDir)/\(skill)/SKILL.md",
                ScaffoldTemplates.skill(name: skill, description: answers.skillDescription ?? ""))
        }
        for system in answers.ci {
            switch system {
            case .github:
                try builder.whole(".github/workflows/skillex.yml", CITemplates.github(name: answers.name, skillsDir: answers.skillsDir))
            case .gitlab:
                try builder.section(".gitlab-ci.yml", CITemplates.gitlab(name: answers.name, skillsDir: answers.skillsDir), markers: .yaml, heading: "")
            case .buildkite:
                let main = ".buildkite/pipeline.yml"
                let own = isFile(repo.appendingPathComponent(main)) && ledger.files[main] == nil
                let path = own ? ".buildkite/skillex.yml" : main
                if own {
                    builder.notes.append("\(main) is yours: add a step `buildkite-agent pipeline upload \(path)` to it to run the skills steps")
                }
                try builder.whole(path, CITemplates.buildkite(name: answers.name, skillsDir: answers.skillsDir))
            }
        }
        if answers.readme {
            var skills = ReadmeSection.skills(in: try RepositoryFile.resolve(answers.skillsDir, in: repo), inside: repo)
            if let name = answers.skillName, !skills.contains(where: { $0.name == name }) {
                skills.append(.init(name: name, description: Trim.whitespacesAndNewlines(answers.skillDescription ?? "")))
            }
            let section = ReadmeSection(
                repository: answers.name, skillsDir: answers.skillsDir, skills: skills, siteURL: ReadmeSection.siteURL(in: hub))
            try builder.section(
                OnboardingDefaults.readme(in: repo), section.markdown, markers: .markdown, heading: "# \(answers.name)\n\n")
        }

        let entry = RepositoryEntry(
            name: answers.name, path: OnboardingDefaults.manifestPath(of: repo, manifest: answers.manifest),
            skillsDir: answers.skillsDir == RepositoryEntry.defaultSkillsDir ? nil : answers.skillsDir)
        let oldManifest = String(decoding: manifestData, as: UTF8.self)
        var manifestFile = PlannedFile(
            path: manifestDisplay, url: answers.manifest, action: .unchanged, old: oldManifest, new: oldManifest)
        switch try ManifestEntryEditor.add(entry, to: manifestData, path: manifestDisplay) {
        case .present(let existing):
            let listed = existing.skillsDir ?? RepositoryEntry.defaultSkillsDir
            if listed != answers.skillsDir {
                builder.notes.append("\(manifestDisplay) lists '\(answers.name)' with skills_dir '\(listed)'; left as it is")
            }
            manifestFile.note = "already lists repository '\(answers.name)'"
        case .added(let data):
            manifestFile.new = String(decoding: data, as: UTF8.self)
            manifestFile.action = .update
            manifestFile.note = "adds repository '\(answers.name)'"
        }
        return OnboardingPlan(
            answers: answers, entry: entry, files: builder.files, manifest: manifestFile, ledger: ledger, notes: builder.notes)
    }

    /// Collects planned files, deciding each one's action against the disk and the ledger.
    private struct Builder {
        let repository: URL
        let ledger: InitLedger
        var files: [PlannedFile] = []
        var notes: [String] = []

        /// A file init owns whole.
        mutating func whole(_ path: String, _ text: String, executable: Bool = false) throws(OnboardingError) {
            let url = try RepositoryFile.resolve(path, in: repository)
            let old = try read(url, path)
            let hash = InitLedger.hash(text)
            var file = PlannedFile(
                path: path, url: url, action: .create, old: old, new: text, executable: executable,
                ledgerKey: path, ownedHash: hash)
            if let old {
                if old == text {
                    file.action = .unchanged
                } else if ledger.files[path] == InitLedger.hash(old) {
                    file.action = .update
                } else {
                    file.action = .conflict
                    file.note = ledger.files[path] == nil
                        ? "exists and was not written by skillex init" : "edited since skillex init wrote it"
                }
            }
            files.append(file)
        }

        /// A marked section init owns inside a file people also edit.
        mutating func section(_ path: String, _ body: String, markers: MarkedSection, heading: String) throws(OnboardingError) {
            let url = try RepositoryFile.resolve(path, in: repository)
            let old = try read(url, path)
            let block = markers.wrap(body)
            let hash = InitLedger.hash(block)
            var file = PlannedFile(path: path, url: url, action: .create, old: old, new: heading + block, ledgerKey: path, ownedHash: hash)
            if let old {
                let current: String?
                do { current = try markers.current(in: old) } catch {
                    throw .unreadable(path: path, reason: error.description.trimmingCharacters(in: CharacterSet(charactersIn: ": ")))
                }
                file.new = try markers.update(old, with: block)
                if current == block {
                    file.action = .unchanged
                } else if let current, ledger.files[path] != InitLedger.hash(current) {
                    file.action = .conflict
                    file.note = "its skillex init section was edited"
                } else {
                    file.action = .update
                    if current == nil { file.note = "adds the skillex init section" }
                }
            }
            files.append(file)
        }

        private func read(_ url: URL, _ path: String) throws(OnboardingError) -> String? {
            guard let data = try RepositoryFile.read(url, naming: path) else { return nil }
            guard let text = String(validating: data, as: UTF8.self) else {
                throw OnboardingError.unreadable(path: path, reason: "is not UTF-8 text")
            }
            return text
        }
    }

    private static func isFolder(_ url: URL) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &folder) && folder.boolValue
    }
}

/// True when `url` is a regular file (or a link to one).
func isFile(_ url: URL) -> Bool {
    var folder: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &folder) && !folder.boolValue
}
