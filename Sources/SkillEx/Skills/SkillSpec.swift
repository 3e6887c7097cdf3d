/// The Agent Skills specification's limits, in one place.
public enum SkillSpec {
    /// Longest `name`, in Unicode scalars after NFKC.
    public static let maxNameLength = 64
    /// Longest `description`.
    public static let maxDescriptionLength = 1024
    /// Longest `compatibility`.
    public static let maxCompatibilityLength = 500
    /// The only top-level front-matter fields the spec allows.
    public static let allowedFields: Set<String> = [
        "name", "description", "license", "allowed-tools", "metadata", "compatibility",
    ]
    /// Fields Claude Code adds to skills; a warning in standard mode, an error in strict mode.
    public static let claudeCodeFields: Set<String> = [
        "model", "disable-model-invocation", "argument-hint", "user-invocable", "when_to_use",
        "hooks", "context", "agent", "version",
    ]
    /// Largest front matter SkillEx parses, in bytes (the spec's fields need a few KiB).
    public static let maxFrontMatterBytes = 64 * 1024
    /// Most values a front matter may expand to (bounds YAML alias expansion).
    public static let maxFrontMatterValues = 10_000
    /// The file every skill must have.
    public static let fileName = "SKILL.md"
}
