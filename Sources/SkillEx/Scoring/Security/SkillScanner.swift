import Foundation

/// `skillex scan PATH…`: the security rules alone, on skill folders, without a hub.
public enum SkillScanner {
    /// Scans every skill folder at `paths` (a skill folder, its SKILL.md, or a folder of skill
    /// folders) under `policy`. A path that does not exist is an error (`SkillDiscovery.PathError`);
    /// a skill whose files cannot be listed safely is reported with its error.
    public static func scan(paths: [String], policy: SecurityPolicy = SecurityPolicy()) throws -> SecurityScanReport {
        var folders: [(shown: String, url: URL)] = []
        for path in paths {
            let found = try SkillDiscovery.discover(at: URL(fileURLWithPath: path))
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            for folder in found.folders {
                let shown = found.folders.count == 1 && folder.standardizedFileURL == URL(fileURLWithPath: base).standardizedFileURL
                    ? base : (base.lowercased().hasSuffix("skill.md") ? folder.path : base + "/" + folder.lastPathComponent)
                folders.append((shown, folder))
            }
            if let bad = found.undecodable.first {
                throw SkillDiscovery.PathError(path: bad, reason: "folder name is not valid UTF-8")
            }
        }
        let skills = ParallelMap.map(folders) { folder in scanOne(folder.url, shown: folder.shown, policy: policy) }
        return SecurityScanReport(refuse: policy.refuse, skills: skills)
    }

    /// One skill folder: its planned files read (bounded by `SecurityScan`'s limits), scanned.
    static func scanOne(_ folder: URL, shown: String, policy: SecurityPolicy) -> SecurityScanReport.Skill {
        let files: [SkillFile]
        do { files = try SkillFiles.list(folder) } catch {
            return .init(path: shown, name: nil, refused: false, findings: [], skipped: [], scanned: 0, error: error.description)
        }
        let plan = SecurityScan.plan(files)
        var contents: [String: [UInt8]] = [:]
        var unreadable: [SkippedFile] = []
        for file in files where plan.read.contains(file.relativePath) {
            do { contents[file.relativePath] = try FileBytes.readAll(path: file.path, expected: Int(file.size)) } catch {
                unreadable.append(SkippedFile(file: file.relativePath, reason: "cannot read: \(ErrorText.brief(error))"))
            }
        }
        let document = SpecValidator().validate(folder: folder).document
        var result = SecurityScan.scan(
            contents: contents, planned: (plan.read, plan.skipped + unreadable),
            name: document?.name ?? "", description: document?.description ?? "")
        result.skipped.sort { $0.file < $1.file }
        let findings = SecurityScoring.findings(result, policy: policy).map { finding in
            SecurityScanReport.Finding(
                rule: finding.rule, risk: finding.risk ?? .low, severity: finding.severity, file: finding.file,
                line: finding.line, message: finding.message, remediation: finding.remediation,
                refuses: finding.refuses == true)
        }
        return .init(
            path: shown, name: document?.name, refused: findings.contains(where: \.refuses), findings: findings,
            skipped: result.skipped, scanned: result.scanned, error: nil)
    }
}
