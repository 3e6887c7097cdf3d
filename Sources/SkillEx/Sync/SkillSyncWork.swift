import Foundation

/// The per-skill half of a sync: list, fingerprint, validate, copy-and-hash into staging.
struct SkillSyncWork: Sendable {
    enum Outcome: Sendable {
        case skipped(checksum: String, fingerprint: String, bytes: Int64, listing: [String]?)
        case staged(
            checksum: String, fingerprint: String, bytes: Int64, description: String?, target: String?, listing: [String]?,
            copy: String?)
        case wouldCopy(checksum: String, bytes: Int64)
        case failed(SyncIssue)
    }

    var options: SyncOptions
    var validator: SpecValidator
    var staging: URL
    var packageScript: ExternalValidator?
    /// Bounds on each skill's files (the manifest's `limits`).
    var limits: SkillLimits = .standard
    /// Whether each installed copy is there, from one listing of each `skills/<repo>/`.
    var installed = FolderPresence()

    /// Processes one skill; never throws: every problem becomes `.failed`.
    func process(
        _ skill: PlannedSkill, recorded: SkillEntry?, cached: SyncCache.Entry?
    ) -> Outcome {
        let targetExists = installed.exists(skill.target.path)
        // Unchanged folders need no listing: their files are checked by `lstat` alone.
        if !options.force, let recorded, let cached, let listing = cached.listing, cached.checksum == recorded.checksum,
            targetExists, let files = SyncListing.files(listing, in: skill.source, limits: limits),
            SyncCache.fingerprint(source: skill.source, files: files) == cached.fingerprint
        {
            let bytes = files.reduce(Int64(0)) { $0 + $1.size }
            return .skipped(checksum: recorded.checksum, fingerprint: cached.fingerprint, bytes: bytes, listing: listing)
        }
        let files: [SkillFile]
        let listing: [String]?
        do { (files, listing) = try SyncListing.walk(skill.source, limits: limits) } catch {
            return .failed(issue(skill, Self.reason(error), path: error.path, error.description))
        }
        let bytes = files.reduce(Int64(0)) { $0 + $1.size }
        let fingerprint = SyncCache.fingerprint(source: skill.source, files: files)
        if !options.force, let recorded, let cached, cached.fingerprint == fingerprint,
            cached.checksum == recorded.checksum, targetExists
        {
            return .skipped(checksum: recorded.checksum, fingerprint: fingerprint, bytes: bytes, listing: listing)
        }
        let skillFile = files.first { $0.relativePath == SkillSpec.fileName }
            ?? files.first { $0.relativePath == "skill.md" }
        if let skillFile, skillFile.size > limits.maxSkillFileBytes {
            let path = skill.source.appendingPathComponent(skillFile.relativePath).path
            return .failed(
                issue(
                    skill, "over_limit", path: path,
                    "\(path): file is \(skillFile.size) bytes, over the limit of \(limits.maxSkillFileBytes) "
                        + "(limits.max_skill_md_bytes in manifest.json)"))
        }
        if options.dryRun {
            do {
                if let failure = validate(skill, skillFile, contents: try skillFile.map { try Data(contentsOf: $0.url) }) {
                    return .failed(failure)
                }
                let checksum = try SkillChecksum.compute(files)
                if !options.force, checksum == recorded?.checksum, targetExists {
                    return .skipped(checksum: checksum, fingerprint: fingerprint, bytes: bytes, listing: listing)
                }
                return .wouldCopy(checksum: checksum, bytes: bytes)
            } catch {
                return .failed(issue(skill, "unreadable", path: skill.source.path, ErrorText.brief(error)))
            }
        }
        // Copy first (one read serves the copy, the checksum and validation), then validate.
        let stagedFolder = staging.appendingPathComponent(skill.repo).appendingPathComponent(skill.name)
        let copied: (checksum: String, skillFileBytes: Data?)
        do { copied = try copyAndHash(files, to: stagedFolder, capturing: skillFile?.relativePath) } catch {
            try? FileManager.default.removeItem(at: stagedFolder)
            return .failed(issue(skill, "copy_failed", path: skill.source.path, ErrorText.brief(error)))
        }
        let checksum = copied.checksum
        let description: String?
        switch validateCaptured(skill, skillFile, contents: copied.skillFileBytes) {
        case .failure(let failure):
            try? FileManager.default.removeItem(at: stagedFolder)
            return .failed(failure)
        case .success(let text):
            description = text
        }
        if !options.force, checksum == recorded?.checksum, targetExists {
            try? FileManager.default.removeItem(at: stagedFolder)
            return .skipped(checksum: checksum, fingerprint: fingerprint, bytes: bytes, listing: listing)
        }
        for external in [skill.validator, packageScript].compactMap({ $0 }) {
            let run = external.run(on: stagedFolder)
            if !run.passed {
                try? FileManager.default.removeItem(at: stagedFolder)
                var failure = issue(skill, "validator_failed", path: skill.source.path, run.message)
                failure.output = run.output
                return .failed(failure)
            }
        }
        // The copy's own fingerprint and listing: rename keeps its files' and folders' inodes and
        // mtimes, so they still describe the installed copy and let scoring trust the checksum
        // without reading it, and list it without reading its folders.
        let staged = try? SkillFiles.listWithFolders(stagedFolder)
        return .staged(
            checksum: checksum, fingerprint: fingerprint, bytes: bytes, description: description,
            target: staged.map { SyncCache.targetFingerprint($0.files) }, listing: listing,
            copy: staged.flatMap { SyncListing.copyLines(files: $0.files, folders: $0.folders) })
    }

    /// Spec-validates the skill from SKILL.md's bytes; the failure, or nil when valid.
    private func validate(_ skill: PlannedSkill, _ skillFile: SkillFile?, contents: Data?) -> SyncIssue? {
        if case .failure(let failure) = validateCaptured(skill, skillFile, contents: contents) { return failure }
        return nil
    }

    /// Spec-validates from SKILL.md's bytes: the description when valid, else the failure.
    private func validateCaptured(
        _ skill: PlannedSkill, _ skillFile: SkillFile?, contents: Data?
    ) -> Result<String?, SyncIssue> {
        let validation: SkillValidation
        if let skillFile, let contents {
            validation = validator.validate(
                folder: skill.source, skillFile: skill.source.appendingPathComponent(skillFile.relativePath),
                isLowercase: skillFile.relativePath == "skill.md", contents: contents)
        } else {
            validation = validator.validate(folder: skill.source)
        }
        guard validation.isValid else {
            let first = validation.errors.first.map { $0.message } ?? "invalid"
            var failure = issue(
                skill, "invalid_skill", path: validation.errors.first?.file ?? skill.source.path,
                "invalid skill: \(first)")
            failure.findings = validation.findings
            return .failure(failure)
        }
        return .success(validation.document?.description)
    }

    /// Copies every file into `folder`, reading each once; returns the checksum and the bytes
    /// of the file at `captured` (SKILL.md) for validation.
    private func copyAndHash(
        _ files: [SkillFile], to folder: URL, capturing captured: String?
    ) throws -> (checksum: String, skillFileBytes: Data?) {
        let folderPath = folder.path
        // The staging folder and its repository folders hold a folder per skill: spread, so a
        // sync into an emptied skills/ does not crowd the block groups its removal freed.
        if mkdir(folderPath, 0o755) != 0, errno != EEXIST {
            guard errno == ENOENT else { throw FileBytes.posixError(folderPath) }
            try Folders.make(folder.deletingLastPathComponent().path, spreading: true)
            try Folders.make(folderPath)
        }
        var made: Set<Substring> = [""]
        var hasher = SHA256Hasher()
        var capturedBytes = Data()
        for file in files {
            try makeParents(of: file.relativePath, under: folderPath, made: &made)
            hasher.update(file.relativePath)
            let keep = file.relativePath == captured
            try FileBytes.copy(
                path: file.path, to: folderPath + "/" + file.relativePath, executable: file.isExecutable
            ) {
                hasher.update($0)
                if keep { capturedBytes.append(contentsOf: $0) }
            }
        }
        return (Digest.hex(hasher.finalize()), captured == nil ? nil : capturedBytes)
    }

    /// Creates the missing ancestors of `relativePath` with one `mkdir` each (parents first).
    private func makeParents(of relativePath: String, under root: String, made: inout Set<Substring>) throws {
        guard let slash = relativePath.lastIndex(of: "/") else { return }
        let parent = relativePath[..<slash]
        if made.contains(parent) { return }
        var prefixEnd = parent.startIndex
        while prefixEnd < parent.endIndex {
            prefixEnd = parent[parent.index(after: prefixEnd)...].firstIndex(of: "/") ?? parent.endIndex
            let prefix = parent[..<prefixEnd]
            if made.contains(prefix) { continue }
            let path = root + "/" + prefix
            if mkdir(path, 0o755) != 0 && errno != EEXIST { throw FileBytes.posixError(path) }
            made.insert(prefix)
        }
    }

    private func issue(_ skill: PlannedSkill, _ reason: String, path: String, _ message: String) -> SyncIssue {
        SyncIssue(reason: reason, repo: skill.repo, skill: skill.name, path: path, message: message)
    }

    /// The sync issue's `reason` for a listing error.
    private static func reason(_ error: SkillFilesError) -> String {
        switch error {
        case .unsafeSymlink, .linkToNonFile: "unsafe_symlink"
        case .unreadable: "unreadable"
        case .badName, .nameClash, .nonUTF8Name: "unsafe_name"
        case .tooLarge, .tooManyFiles, .tooDeep: "over_limit"
        }
    }
}
