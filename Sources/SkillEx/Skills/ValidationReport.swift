/// The machine-readable result of `skillex validate`.
public struct ValidationReport: Sendable, Codable, Equatable {
    /// One skill's verdict.
    public struct Entry: Sendable, Codable, Equatable {
        /// The skill folder.
        public var path: String
        /// The skill's name as written, when it could be read.
        public var name: String?
        /// True when there is no error finding.
        public var valid: Bool
        /// Every finding, errors first.
        public var findings: [SpecFinding]
    }

    /// `standard` or `strict`.
    public var mode: String
    /// Number of valid skills.
    public var valid: Int
    /// Number of invalid skills.
    public var invalid: Int
    /// Per-skill verdicts, in the order checked.
    public var skills: [Entry]

    /// True when every skill is valid.
    public var isValid: Bool { invalid == 0 }

    /// Summarises `results`.
    public init(results: [SkillValidation], mode: ValidationMode) {
        self.mode = mode.rawValue
        skills = results.map {
            Entry(path: $0.path, name: $0.document?.name, valid: $0.isValid, findings: $0.findings)
        }
        valid = skills.filter(\.valid).count
        invalid = skills.count - valid
    }
}
