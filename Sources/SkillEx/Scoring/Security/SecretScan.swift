import Foundation

/// `secret-*`: credentials committed in any text file. Each value is checked for entropy and
/// for being a documented example before it is reported, and is only ever reported masked.
enum SecretScan {
    /// A provider pattern: its rule, what it is, a keyword for the pre-check, and the group
    /// holding the value (0 for the whole match).
    struct Pattern {
        var rule: String
        var label: String
        var hints: [String]
        var regex: NSRegularExpression?
        var group = 0
        /// The byte test a line passes before the regex runs on it (nil: every keyword line).
        var shape: LiteralShape?
    }

    static let patterns: [Pattern] = [
        .init(rule: "secret-cloud-key", label: "AWS access key ID", hints: ["akia"],
              regex: rx(#"(?<![A-Z0-9])AKIA[A-Z0-9]{16}(?![A-Z0-9])"#), shape: .init(["AKIA"], atWordStart: false)),
        .init(rule: "secret-cloud-key", label: "AWS access key ID", hints: ["asia"],
              regex: rx(#"(?<![A-Z0-9])ASIA[A-Z0-9]{16}(?![A-Z0-9])"#), shape: .init(["ASIA"], atWordStart: false)),
        .init(rule: "secret-cloud-key", label: "AWS secret access key", hints: ["secret_access_key", "secretaccesskey", "secret-access-key"],
              regex: rx(#"(?i)aws_?secret_?access_?key["']?\s*[:=]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])"#), group: 1),
        .init(rule: "secret-cloud-key", label: "Google API key", hints: ["aiza"],
              regex: rx(#"AIza[0-9A-Za-z_\-]{35}(?![0-9A-Za-z_\-])"#), shape: .init(["AIza"], atWordStart: false)),
        .init(rule: "secret-token", label: "GitHub token", hints: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"],
              regex: rx(#"\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{50,}"#),
              shape: .init(["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"], atWordStart: true)),
        .init(rule: "secret-token", label: "GitLab token", hints: ["glpat-"], regex: rx(#"\bglpat-[A-Za-z0-9_\-]{20}\b"#),
              shape: .init(["glpat-"], atWordStart: true)),
        .init(rule: "secret-token", label: "Slack token", hints: ["xox"], regex: rx(#"\bxox[abposr]-[A-Za-z0-9\-]{10,}"#),
              shape: .init(["xox"], atWordStart: true)),
        .init(rule: "secret-token", label: "Stripe key", hints: ["_live_"], regex: rx(#"\b[sr]k_live_[A-Za-z0-9]{20,}"#),
              shape: .init(["k_live_"], atWordStart: false)),
        .init(rule: "secret-token", label: "Anthropic key", hints: ["sk-ant-"], regex: rx(#"\bsk-ant-[A-Za-z0-9_\-]{30,}"#),
              shape: .init(["sk-ant-"], atWordStart: true)),
        .init(rule: "secret-token", label: "OpenAI key", hints: ["sk-"],
              regex: rx(#"\bsk-(?:proj-)?(?!ant-)[A-Za-z0-9_\-]{32,}"#), shape: .init(["sk-"], atWordStart: true)),
        .init(rule: "secret-token", label: "npm token", hints: ["npm_"], regex: rx(#"\bnpm_[A-Za-z0-9]{36}\b"#), shape: .init(["npm_"], atWordStart: true)),
        .init(rule: "secret-token", label: "PyPI token", hints: ["pypi-"], regex: rx(#"\bpypi-[A-Za-z0-9_\-]{50,}"#), shape: .init(["pypi-"], atWordStart: true)),
    ]

    private static let privateKey = rx(
        #"-----BEGIN (?:(?:RSA|DSA|EC|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY(?: BLOCK)?-----[ \t]*\r?\n(?:[A-Za-z-]+:[^\n]*\n|[ \t]*\r?\n)*([A-Za-z0-9+/=]{40,})"#)
    static let assignment = rx(
        #"(?im)^[ \t-]*(?:export[ \t]+|set[ \t]+)?["']?([A-Za-z0-9_.\-]*(?:secret|token|passw(?:or)?d|pwd|api[_\-]?key|apikey|access[_\-]?key|private[_\-]?key|auth[_\-]?key|credential)[A-Za-z0-9_.\-]*)["']?[ \t]*(?::|=|:=)[ \t]*["']?([^\s"'`,;#]{12,})"#)
    /// One keyword for each way `assignment`'s name may spell its credential word.
    static let assignmentHints = [
        "secret", "token", "passw", "pwd", "api_key", "apikey", "api-key", "access_key", "accesskey", "access-key",
        "private_key", "privatekey", "private-key", "auth_key", "authkey", "auth-key", "credential",
    ]

    private static let patternHints = patterns.map { KeywordSet($0.hints) }
    private static let assignmentSet = KeywordSet(assignmentHints)

    /// Makes every pattern and keyword set now (ICU compiles the regexes, a few milliseconds),
    /// so a caller can have it done on an idle core before the first text is masked.
    static func prepare() {
        _ = (patterns.count, patternHints.count, assignmentSet, privateKey, assignment, SecurityKeywords.matcher)
    }

    /// The hits and the raw values found (kept only to mask them in other messages).
    static func hits(_ file: ScannedText) -> (hits: [SecurityHit], values: [String]) {
        var hits: [SecurityHit] = [], values: [String] = [], seen = Set<String>()
        func report(_ rule: String, _ label: String, _ value: Substring, line: Int) {
            let text = String(value)
            guard seen.insert(text).inserted else { return }
            values.append(text)
            hits.append(SecurityHit(
                rule: rule, risk: .critical, message: "\(label) committed in the file: \(SecretMask.mask(value)) (masked)",
                file: file.path, line: line))
        }
        // Most files hold no pattern's keyword: those patterns are skipped before any work.
        for index in patterns.indices where file.hasAny(patternHints[index]) {
            let pattern = patterns[index]
            for found in file.lineGroups(pattern.regex, anyOf: patternHints[index], where: pattern.shape.map { shape in shape.holds }) {
                let value = found.groups[pattern.group]
                guard !SecretMask.looksFake(value, context: context(file, found.line)),
                    SecretMask.entropy(value) >= 3.0
                else { continue }
                report(pattern.rule, pattern.label, value, line: found.line)
            }
        }
        if file.has("private key-----") {
            for found in file.matches(privateKey) {
                let body = file.group(found.match, 1)
                guard !SecretMask.looksFake(body, context: context(file, found.line)), SecretMask.entropy(body) >= 4.0
                else { continue }
                report("secret-private-key", "private key", body, line: found.line)
            }
        }
        do {
            for found in file.lineGroups(assignment, anyOf: assignmentSet, where: AssignmentShape.holds(bytes:)) {
                let key = found.groups[1], value = found.groups[2]
                guard plausible(value), !SecretMask.looksFake(value, context: context(file, found.line)) else { continue }
                report("secret-assignment", "a value for \(key)", value, line: found.line)
            }
        }
        return (hits, values)
    }

    /// True when an assigned value looks like a credential rather than a reference or a name.
    static func plausible(_ value: Substring) -> Bool {
        guard let first = value.first, !"$%{<([*&@".contains(first) else { return false }
        for marker in ["${", "$(", "{{", "os.", "process.", "env.", "environ", "getenv", "()", "secrets."]
        where value.contains(marker) { return false }
        let hasDigit = value.contains { $0.isASCII && $0.isNumber }
        let hasLetter = value.contains { $0.isASCII && $0.isLetter }
        guard hasDigit, hasLetter else { return false }
        if value.hasPrefix("http") || value.hasPrefix("/") || value.hasPrefix("./") { return false }
        return SecretMask.entropy(value) >= 3.2
    }

    /// The line of a match and the one before it (where "fake" or "example" notes sit).
    private static func context(_ file: ScannedText, _ line: Int) -> String {
        (line > 1 ? String(file.lineText(line - 1)) + "\n" : "") + String(file.lineText(line))
    }

    private static func rx(_ pattern: String) -> NSRegularExpression? { try? NSRegularExpression(pattern: pattern) }
}
