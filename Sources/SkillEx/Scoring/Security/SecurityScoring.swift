import Foundation

/// The `security` score component of one skill: its findings under the manifest's
/// `scoring.security` policy, and the value they leave (see `ScoreFormula`).
struct SecurityScoring {
    /// The component.
    var component: ScoreComponent
    /// The findings, marked `refuses` when the policy refuses their risk.
    var findings: [ScoreFinding]
    /// Raw secret values found, for masking other components' messages.
    var secrets: [String]

    /// Scores `result` under `settings`; a download-and-execute hit on a line the lint rule
    /// `shell-pipe-to-shell` already reports (in `lint`) is left to lint, not counted twice.
    init(_ result: SecurityScanResult, settings: ScoringSettings, lint: [ScoreFinding] = []) {
        let piped = Set(lint.filter { $0.rule == "shell-pipe-to-shell" }.map { "\($0.file):\($0.line ?? 0)" })
        findings = Self.findings(result, policy: settings.security).filter { finding in
            !(finding.rule == "exfil-download-exec" && piped.contains("\(finding.file):\(finding.line ?? 0)"))
        }
        secrets = result.secrets
        var basis = SkillScoring.countText(findings) + "; \(result.scanned) file\(result.scanned == 1 ? "" : "s") scanned"
        if !result.skipped.isEmpty {
            basis += "; skipped " + result.skipped.prefix(5).map { "\($0.file) (\($0.reason))" }.joined(separator: ", ")
            if result.skipped.count > 5 { basis += " and \(result.skipped.count - 5) more" }
        }
        component = ScoreComponent(
            id: ComponentID.security, weight: settings.weights[ComponentID.security] ?? 0,
            value: ScoreFormula.deductionValue(findings), basis: basis)
    }

    /// The component when every security rule is switched off: missing, its weight to the others.
    static func off(_ settings: ScoringSettings) -> SecurityScoring {
        var scoring = SecurityScoring(SecurityScanResult(hits: [], skipped: [], scanned: 0, secrets: []), settings: settings)
        scoring.component = ScoreComponent(
            missing: ComponentID.security, weight: settings.weights[ComponentID.security] ?? 0,
            basis: "every security rule is off (scoring.security.rules)")
        return scoring
    }

    /// The hits of `result` as findings: the policy's risk, severity, refusal and remediation.
    static func findings(_ result: SecurityScanResult, policy: SecurityPolicy) -> [ScoreFinding] {
        result.hits.compactMap { hit in
            guard let risk = policy.risk(of: hit) else { return nil }
            var finding = ScoreFinding(
                rule: hit.rule, severity: risk.severity, message: hit.message,
                remediation: SecurityRules.byID[hit.rule]?.remediation ?? "", file: hit.file, line: hit.line,
                component: ComponentID.security)
            finding.risk = risk
            finding.refuses = policy.refuses(risk) ? true : nil
            return finding
        }
    }

    /// `findings` with every secret in `secrets` masked in their messages.
    static func redact(_ findings: [ScoreFinding], _ secrets: [String]) -> [ScoreFinding] {
        guard !secrets.isEmpty else { return findings }
        return findings.map { finding in
            var masked = finding
            masked.message = SecretMask.redact(finding.message, secrets)
            return masked
        }
    }
}
