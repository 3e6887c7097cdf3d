/// One problem (or warning) found in a skill, naming the file, field and rule, with a fix.
public struct SpecFinding: Sendable, Equatable, Codable {
    /// How much a finding matters.
    public enum Severity: String, Sendable, Codable, Comparable {
        case warning, error

        /// Errors sort after warnings.
        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// Stable rule id, e.g. `name.format` (documented in the validation reference).
    public var rule: String
    /// Whether the finding makes the skill invalid.
    public var severity: Severity
    /// The file the finding is about.
    public var file: String
    /// The front-matter field, when there is one.
    public var field: String?
    /// What is wrong.
    public var message: String
    /// How to fix it.
    public var fix: String

    /// A finding.
    public init(
        rule: String, severity: Severity = .error, file: String, field: String? = nil,
        message: String, fix: String
    ) {
        self.rule = rule
        self.severity = severity
        self.file = file
        self.field = field
        self.message = message
        self.fix = fix
    }

    /// `file: field: message (rule) — fix`, one line.
    public var line: String {
        let location = field.map { "\(file): \($0)" } ?? file
        return "\(location): \(message) [\(rule)] — \(fix)"
    }
}

/// The verdict on one skill folder.
public struct SkillValidation: Sendable, Equatable {
    /// The skill folder.
    public var path: String
    /// The folder's name.
    public var folderName: String
    /// The parsed document, when SKILL.md could be read and split.
    public var document: SkillDocument?
    /// Every finding, errors first.
    public var findings: [SpecFinding]

    /// True when no finding is an error.
    public var isValid: Bool { !findings.contains { $0.severity == .error } }
    /// Only the errors.
    public var errors: [SpecFinding] { findings.filter { $0.severity == .error } }

    /// The verdict on a skill folder whose name is not valid UTF-8: `path` shows its bad bytes
    /// escaped (`\xFF`). Nothing in it can be read as a skill, so it is an error, not skipped.
    public static func undecodableFolder(_ path: String) -> SkillValidation {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let finding = SpecFinding(
            rule: "encoding.utf8", file: path, message: "folder name is not valid UTF-8 (not validated)",
            fix: "rename the folder to the skill's name (lowercase letters, digits and hyphens)")
        return SkillValidation(path: path, folderName: name, document: nil, findings: [finding])
    }
}

/// Which reading of the specification to apply.
public enum ValidationMode: String, Sendable, CaseIterable {
    /// SkillEx's reading: the spec's rules plus documented choices where it is silent.
    case standard
    /// Exactly what the reference validator `skills-ref` accepts.
    case strict
}
