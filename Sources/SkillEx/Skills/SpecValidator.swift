public import Foundation

/// Validates skill folders against the Agent Skills specification.
///
/// Standard mode applies the spec and SkillEx's documented choices where the spec is silent;
/// strict mode returns exactly the verdict of the reference validator, `skills-ref`.
public struct SpecValidator: Sendable {
    /// Which reading of the spec applies.
    public var mode: ValidationMode

    /// A validator in `mode`.
    public init(mode: ValidationMode = .standard) { self.mode = mode }

    /// Validates the skill folder at `folder`.
    public func validate(folder: URL) -> SkillValidation {
        let folderName = folder.lastPathComponent
        var result = SkillValidation(
            path: folder.path, folderName: folderName, document: nil, findings: [])
        guard let (file, lowercase) = locateSkillFile(in: folder) else {
            result.findings = [
                SpecFinding(
                    rule: "skill-md.missing", file: folder.appendingPathComponent(SkillSpec.fileName).path,
                    message: "missing required file SKILL.md",
                    fix: "Add a SKILL.md with name and description front matter.")
            ]
            return result
        }
        if let problem = Self.unsafeFile(file, in: folder) {
            result.findings.append(
                SpecFinding(
                    rule: "skill-md.unsafe", file: file.path, message: problem,
                    fix: "Make SKILL.md a regular file inside the skill folder."))
            return result
        }
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            result.findings.append(
                SpecFinding(
                    rule: "skill-md.unreadable", file: file.path,
                    message: "cannot read: \(ErrorText.brief(error))",
                    fix: "Check the file's permissions."))
            return result
        }
        return validate(folder: folder, skillFile: file, isLowercase: lowercase, contents: data)
    }

    /// Validates a skill whose SKILL.md (at `skillFile`, named `skill.md` when `isLowercase`)
    /// has already been read into `contents`; saves a second read during sync.
    public func validate(folder: URL, skillFile: URL, isLowercase: Bool, contents: Data) -> SkillValidation {
        let folderName = folder.lastPathComponent
        var result = SkillValidation(
            path: folder.path, folderName: folderName, document: nil, findings: [])
        if isLowercase && mode == .standard {
            result.findings.append(
                SpecFinding(
                    rule: "skill-md.lowercase", severity: .warning, file: skillFile.path,
                    message: "file is named skill.md; the spec names it SKILL.md",
                    fix: "Rename it to SKILL.md."))
        }
        guard let text = String(validating: contents, as: UTF8.self) else {
            result.findings.append(
                SpecFinding(
                    rule: "encoding.utf8", file: skillFile.path, message: "file is not valid UTF-8",
                    fix: "Re-save SKILL.md as UTF-8."))
            return result
        }
        return validate(text: text, file: skillFile.path, folderName: folderName, into: result)
    }

    /// Validates SKILL.md `text` as if it lived in a folder named `folderName`.
    public func validate(text: String, file: String, folderName: String) -> SkillValidation {
        let empty = SkillValidation(path: file, folderName: folderName, document: nil, findings: [])
        return validate(text: text, file: file, folderName: folderName, into: empty)
    }

    private func validate(
        text: String, file: String, folderName: String, into base: SkillValidation
    ) -> SkillValidation {
        var result = base
        let outcome = SkillDocumentParser.parse(text, file: file, mode: mode)
        result.findings += outcome.findings
        guard let document = outcome.document else { return sorted(result) }
        result.document = document
        var rules = SpecRules(file: file, mode: mode)
        rules.checkFields(document)
        rules.checkName(document["name"], folderName: folderName)
        rules.checkDescription(document["description"])
        rules.checkCompatibility(document["compatibility"])
        rules.checkMetadata(document["metadata"])
        rules.checkAllowedTools(document["allowed-tools"])
        result.findings += rules.findings
        return sorted(result)
    }

    private func sorted(_ validation: SkillValidation) -> SkillValidation {
        var copy = validation
        copy.findings = validation.findings.enumerated().sorted { lhs, rhs in
            if lhs.element.severity != rhs.element.severity {
                return lhs.element.severity > rhs.element.severity
            }
            return lhs.offset < rhs.offset
        }.map(\.element)
        return copy
    }

    /// Why SKILL.md must not be read: a symlink leading outside the folder, not a regular file
    /// (a FIFO, a device), or a size over
    /// `SkillLimits.standard.maxFileBytes`; nil when it is fine.
    private static func unsafeFile(_ file: URL, in folder: URL) -> String? {
        var info = stat()
        guard lstat(file.path, &info) == 0 else { return nil }
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let target = realpath(file.path, nil), let base = realpath(folder.path, nil) else {
                return "symlink leads nowhere (not followed)"
            }
            defer { free(target); free(base) }
            let resolved = String(cString: target)
            guard resolved.hasPrefix(String(cString: base) + "/") else {
                return "symlink to \(resolved) leads outside the skill (not followed)"
            }
            guard stat(file.path, &info) == 0 else { return nil }
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            // Reading a FIFO would block (Foundation refuses it as "no permission"): say what it is.
            return "SKILL.md is \(BoundedFile.kind(info.st_mode)), not a regular file"
        }
        let limit = SkillLimits.standard.maxFileBytes
        return Int64(info.st_size) > limit ? "file is \(info.st_size) bytes, over the limit of \(limit)" : nil
    }

    /// SKILL.md, else skill.md (which skills-ref also accepts); the flag says it was lowercase.
    private func locateSkillFile(in folder: URL) -> (URL, Bool)? {
        let names = Set((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        for (name, lowercase) in [(SkillSpec.fileName, false), ("skill.md", true)]
        where names.contains(name) {
            let url = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder),
                !isFolder.boolValue
            {
                return (url, lowercase)
            }
        }
        return nil
    }
}
