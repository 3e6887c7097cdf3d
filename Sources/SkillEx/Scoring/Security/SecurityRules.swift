import Foundation

/// One security rule: id, default risk, what it looks for and how to fix a finding.
public struct SecurityRuleDefinition: Sendable, Equatable, Codable {
    /// Stable id, used in `scoring.security.rules`, SARIF and the JSON report.
    public var id: String
    /// Risk unless the manifest re-levels it.
    public var risk: SecurityRisk
    /// What the rule looks for, in one line.
    public var summary: String
    /// How to fix a finding.
    public var remediation: String
}

/// The security rules (docs/security-scanning.md lists them with examples).
public enum SecurityRules {
    /// Bumped when a rule changes what it finds, so stored scorecards are not reused across it.
    static let revision = 1

    /// Every rule, grouped by family.
    public static let definitions: [SecurityRuleDefinition] = [
        .init(id: "hidden-bidi", risk: .critical,
              summary: "A bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069) that reorders what a reader sees.",
              remediation: "Delete the control characters; write right-to-left text without overrides."),
        .init(id: "hidden-tag-chars", risk: .critical,
              summary: "Unicode tag characters (U+E0000–U+E007F) that carry invisible ASCII text.",
              remediation: "Delete the tag characters; state every instruction in visible text."),
        .init(id: "hidden-zero-width", risk: .high,
              summary: "Zero-width characters (U+200B, U+200C, U+200D, U+2060, U+FEFF) inside text.",
              remediation: "Delete the zero-width characters (an emoji joiner or a script's joiner is left alone)."),
        .init(id: "hidden-homoglyph", risk: .high,
              summary: "A word of the name or description mixing Latin with Cyrillic or Greek look-alike letters.",
              remediation: "Spell the name and description in one script, so they read as what they are."),
        .init(id: "hidden-comment", risk: .high,
              summary: "An HTML comment in Markdown that gives the agent instructions readers never see.",
              remediation: "Move instructions into visible text, or delete the comment."),
        .init(id: "hidden-markdown", risk: .high,
              summary: "Instructions hidden in Markdown that does not render: a link reference definition's title, or a collapsed <details> block.",
              remediation: "State the instructions in visible text, or delete them."),
        .init(id: "secret-private-key", risk: .critical,
              summary: "A private key block (PEM or OpenSSH).",
              remediation: "Remove the key, rotate it, and load keys from a secret store at run time."),
        .init(id: "secret-cloud-key", risk: .critical,
              summary: "A cloud provider credential (AWS access key ID or secret key, Google API key).",
              remediation: "Remove the key, revoke it with the provider, and read credentials from the environment."),
        .init(id: "secret-token", risk: .critical,
              summary: "A service token (GitHub, GitLab, Slack, Stripe, OpenAI, Anthropic, npm, PyPI).",
              remediation: "Remove the token, revoke it, and read it from the environment or a secret store."),
        .init(id: "secret-assignment", risk: .critical,
              summary: "A high-entropy value assigned to a secret-named key (`API_KEY=…`, `\"password\": \"…\"`).",
              remediation: "Replace the value with a reference (`${API_KEY}`), rotate it, and keep .env files out of the skill."),
        .init(id: "exfil-send", risk: .critical,
              summary: "Local secrets, credential files or the whole environment sent to a network endpoint.",
              remediation: "Send only the data the task needs; never upload environment variables, keys or credential files."),
        .init(id: "exfil-download-exec", risk: .high,
              summary: "Code downloaded and run in one step (`curl … | sh`, `exec(urlopen(…).read())`, `iex (iwr …)`).",
              remediation: "Ship the code in the skill, or download it, verify a checksum or signature, then run it."),
        .init(id: "exfil-credential-store", risk: .high,
              summary: "Reading a credential store (`~/.aws/credentials`, `~/.ssh/id_*`, keychains, browser password stores).",
              remediation: "Let the tool that owns the credentials use them; never read or copy credential files."),
        .init(id: "exfil-disable-safety", risk: .high,
              summary: "Switching off a safety prompt or check (`--dangerously-skip-permissions`, TLS verification off, approvals never).",
              remediation: "Keep confirmations and verification on; ask the user for the specific permission instead."),
        .init(id: "inject-override", risk: .critical,
              summary: "Text telling the agent to ignore or replace its earlier instructions or system prompt.",
              remediation: "Delete the text; a skill adds instructions, it never cancels the user's or the system's."),
        .init(id: "inject-conceal", risk: .high,
              summary: "Text telling the agent to hide what it does from the user.",
              remediation: "Delete the text; the agent must be able to tell the user everything it does."),
        .init(id: "inject-escalate", risk: .high,
              summary: "Text telling the agent to take more permissions or skip asking for them.",
              remediation: "Ask the user for the narrow permission the task needs; never tell the agent to skip confirmation."),
    ]

    /// Definitions by id.
    static let byID = Dictionary(definitions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    /// The rules as lint-style definitions (for SARIF's rule list).
    public static var ruleDefinitions: [RuleDefinition] {
        definitions.map { RuleDefinition(id: $0.id, severity: $0.risk.severity, summary: $0.summary, remediation: $0.remediation) }
    }

    /// The component id findings of these rules count against.
    public static let component = "security"
}
