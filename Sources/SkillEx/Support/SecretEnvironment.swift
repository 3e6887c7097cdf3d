/// The environment handed to programs SkillEx runs on skills (external validators, package
/// scripts): the hub's own with its secrets removed, because those programs may come from the
/// skills' repositories and so are as untrusted as the skills.
public enum SecretEnvironment {
    /// Words that mark a variable as a secret wherever they appear in its name (case ignored).
    static let secretWords = ["SECRET", "TOKEN", "PASSWORD", "PASSWD", "CREDENTIAL", "PRIVATE", "AUTH", "SESSION"]

    /// True when `name` looks like it holds a secret: a secret word, an `_KEY`/`_KEY_ID` ending,
    /// or a cloud provider's prefix (`AWS_`, `AZURE_`, `GOOGLE_`, `GCP_`).
    public static func isSecret(_ name: String) -> Bool {
        let upper = name.uppercased()
        if secretWords.contains(where: { upper.contains($0) }) { return true }
        if upper.hasSuffix("_KEY") || upper.hasSuffix("_KEY_ID") || upper == "KEY" { return true }
        return ["AWS_", "AZURE_", "GOOGLE_", "GCP_"].contains(where: { upper.hasPrefix($0) })
    }

    /// `environment` without the variables `isSecret` matches.
    public static func scrubbed(_ environment: [String: String]) -> [String: String] {
        environment.filter { !isSecret($0.key) }
    }
}
