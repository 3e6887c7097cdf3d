import Foundation

/// Scores one skill: lint, attributed report findings, coverage of `scripts/`, approval.
struct SkillScoring: Sendable {
    var entry: SkillEntry
    /// The hub, where the skill's folder is (`folder`, worked out only when the files are read:
    /// a standardized URL per skill cost more than reusing its stored card).
    var workspace: Workspace
    /// The folder relative to the hub (`skills/<repo>/<skill>`), whichever form target_path has.
    var path: String
    var matcher: SkillPathMatcher
    var reports: RepositoryReports
    /// The last stored scorecard of this skill, reused when its checksum still matches.
    var stored: Scorecard?
    /// Sync's record of the installed copy (checksum and the copy's stat fingerprint).
    var synced: SyncCache.Entry? = nil

    /// The skill's synced folder.
    var folder: URL { SkillEntry.folder(hubPath: path, in: workspace) }

    func score(settings: ScoringSettings) throws -> Scorecard {
        if let problem = entry.targetPath.split(separator: "/").first(where: { $0 == ".." }) {
            throw ScoreError(description: "\(entry.targetPath): target path must not contain '\(problem)'")
        }
        // skills/ is sync's output: while the manifest's checksum equals the stored card's, the
        // folder holds exactly what was scored, so the card is reused without reading the files.
        if let stored, stored.checksum == entry.checksum {
            return finish(
                checksum: entry.checksum, components: stored.components, findings: stored.findings,
                tokens: stored.tokens, settings: settings)
        }
        let folder = self.folder
        // The copy sync installed, while it is unchanged, is listed from sync's record of it.
        let installed = synced.flatMap { $0.checksum == entry.checksum ? $0.installedFiles(in: folder) : nil }
        let files: [SkillFile]
        if let installed {
            files = installed
        } else {
            do { files = try SkillFiles.list(folder) } catch {
                throw ScoreError(description: "\(folder.path): cannot score: \(error.description) (run `skillex sync` first)")
            }
        }
        let checksum: String
        let contents: [String: [UInt8]]
        let securityPlan: (read: Set<String>, skipped: [SkippedFile]) =
            settings.security.isOff ? ([], []) : SecurityScan.plan(files)
        let keep = { (file: SkillFile) in LintContext.readsText(file) || securityPlan.read.contains(file.relativePath) }
        if installed != nil
            || (synced.map { $0.checksum == entry.checksum && $0.target == SyncCache.targetFingerprint(files) } ?? false)
        {
            // Every file's lstat is what sync left: the manifest's checksum is this copy's, so
            // only the texts the rules need are read (assets never are).
            checksum = entry.checksum
            contents = try Self.readTexts(files, in: folder.path, keeping: keep)
        } else {
            // One read per file serves the checksum and the lint rules' texts.
            (checksum, contents) = try SkillChecksum.compute(files, keeping: keep)
        }
        if let stored, stored.checksum == checksum {
            return finish(
                checksum: checksum, components: stored.components, findings: stored.findings,
                tokens: stored.tokens, settings: settings)
        }
        let context = LintContext.load(
            folder: folder, files: files, settings: settings, validator: SpecValidator(), contents: contents)
        let lintFindings = LintRuleSet.standard.findings(context, settings: settings)
        let weight = { (id: String) in settings.weights[id] ?? 0 }

        var components = [
            ScoreComponent(
                id: ComponentID.lint, weight: weight(ComponentID.lint),
                value: ScoreFormula.deductionValue(lintFindings), basis: Self.countText(lintFindings))
        ]
        var staticFindings: [ScoreFinding] = []
        if reports.hasStaticAnalysis {
            staticFindings = reports.findings.compactMap { finding in
                matcher.relative(finding.path).map { path in
                    ScoreFinding(
                        rule: "\(finding.tool)/\(finding.rule)", severity: finding.severity, message: finding.message,
                        remediation: finding.help ?? "See the \(finding.tool) documentation for rule \(finding.rule).",
                        file: path, line: finding.line, component: ComponentID.staticAnalysis)
                }
            }
            components.append(
                ScoreComponent(
                    id: ComponentID.staticAnalysis, weight: weight(ComponentID.staticAnalysis),
                    value: ScoreFormula.deductionValue(staticFindings), basis: Self.countText(staticFindings)))
        } else {
            components.append(
                ScoreComponent(
                    missing: ComponentID.staticAnalysis, weight: weight(ComponentID.staticAnalysis),
                    basis: "no static-analysis report for this repository"))
        }
        components.append(coverage(weight: weight(ComponentID.coverage), files: files))
        let security = settings.security.isOff
            ? SecurityScoring.off(settings)
            : SecurityScoring(
                SecurityScan.scan(
                    contents: contents, planned: securityPlan, name: context.validation.document?.name ?? "",
                    description: context.validation.document?.description ?? "", decoded: context.decodedTexts),
                settings: settings, lint: lintFindings)
        components.append(security.component)

        return finish(
            checksum: checksum, components: components,
            findings: (SecurityScoring.redact(lintFindings + staticFindings, security.secrets) + security.findings)
                .sorted(by: ScoreFinding.reportOrder),
            tokens: context.tokens, settings: settings)
    }

    /// The bytes of the files the lint rules read (up to 1 MiB each; `LintContext` reads larger
    /// ones), opened by their path in `folder` (a symlink among them leads to the same file
    /// inside the skill, as `SkillFiles.list` checked).
    private static func readTexts(
        _ files: [SkillFile], in folder: String, keeping keep: (SkillFile) -> Bool
    ) throws -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for file in files where file.size <= 1 << 20 && keep(file) {
            out[file.relativePath] = try FileBytes.readAll(path: folder + "/" + file.relativePath, expected: Int(file.size))
        }
        return out
    }

    /// Combines the components and applies the approval and the gate.
    private func finish(
        checksum: String, components: [ScoreComponent], findings: [ScoreFinding], tokens: TokenReport,
        settings: ScoringSettings
    ) -> Scorecard {
        var components = components
        let score = ScoreFormula.combine(&components)
        let approval = try? entry.extra.decode(Approval.self, key: Approval.key)
        let holds = approval?.holds(for: checksum) ?? false
        return Scorecard(
            repo: entry.sourceRepo, skill: entry.name, checksum: checksum, score: score,
            components: components, findings: findings,
            gate: findings.contains { $0.refuses == true }
                ? (holds ? .approved : .refused)  // security: a refusing finding overrides the score
                : GateVerdict.decide(score: score, threshold: settings.threshold, approvalHolds: holds),
            approval: approval, approvalHolds: holds, regression: nil, tokens: tokens, path: path)
    }

    private func coverage(weight: Double, files: [SkillFile]) -> ScoreComponent {
        let scripts = files.filter { $0.relativePath.hasPrefix("scripts/") }
        guard !scripts.isEmpty else {
            return ScoreComponent(missing: ComponentID.coverage, weight: weight, basis: "the skill has no scripts/")
        }
        guard reports.hasCoverage else {
            return ScoreComponent(missing: ComponentID.coverage, weight: weight, basis: "no coverage report for this repository")
        }
        var lines: [String: [Int: Bool]] = [:]
        for (path, hits) in reports.coverage {
            guard let inside = matcher.relative(path), inside.hasPrefix("scripts/") else { continue }
            lines[inside, default: [:]].merge(hits) { $0 || $1 }
        }
        let total = lines.values.reduce(0) { $0 + $1.count }
        guard total > 0 else {
            return ScoreComponent(missing: ComponentID.coverage, weight: weight, basis: "no coverage data for scripts/")
        }
        let covered = lines.values.reduce(0) { $0 + $1.values.filter { $0 }.count }
        return ScoreComponent(
            id: ComponentID.coverage, weight: weight,
            value: ScoreFormula.round(100 * Double(covered) / Double(total), places: 2),
            basis: "\(covered)/\(total) lines in \(lines.count) file\(lines.count == 1 ? "" : "s")")
    }

    /// Findings counted by severity, then each rule's penalty (`2 errors, 1 warning, 0 notes:
    /// link-missing 2× error −40, spec 1× warning −5`), biggest first.
    static func countText(_ findings: [ScoreFinding]) -> String {
        let counts = FindingSeverity.allCases.reversed().map { severity in
            (severity, findings.filter { $0.severity == severity }.count)
        }
        let text = counts.map { "\($0.1) \($0.0.rawValue)\($0.1 == 1 ? "" : "s")" }.joined(separator: ", ")
        let groups = ScoreFormula.penalties(findings).sorted { a, b in
            a.points != b.points ? a.points > b.points : (a.rule, a.severity.rawValue) < (b.rule, b.severity.rawValue)
        }
        guard !groups.isEmpty else { return text }
        return text + ": " + groups.map { "\($0.rule) \($0.hits)× \($0.severity.rawValue) −\(Self.points($0.points))" }
            .joined(separator: ", ")
    }

    /// `value` without a trailing `.0` when whole.
    private static func points(_ value: Double) -> String {
        Int(exactly: value).map(String.init) ?? String(value)
    }
}
