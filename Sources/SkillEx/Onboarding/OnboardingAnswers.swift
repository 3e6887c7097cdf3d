public import Foundation

/// Everything `skillex init` needs to know, whether asked on a terminal or given as flags.
public struct OnboardingAnswers: Sendable, Equatable {
    /// The repository's checkout.
    public var repository: URL
    /// Its name in the hub (and its folder under the hub's `skills/`).
    public var name: String
    /// The skills folder, relative to the repository.
    public var skillsDir: String
    /// The hub's `manifest.json`.
    public var manifest: URL
    /// CI systems to write snippets for.
    public var ci: [CISystem]
    /// A first skill to scaffold: its name, or nil for none.
    public var skillName: String?
    /// The first skill's description.
    public var skillDescription: String?
    /// Whether to write the README section.
    public var readme: Bool

    /// Answers with every field given.
    public init(
        repository: URL, name: String, skillsDir: String, manifest: URL, ci: [CISystem],
        skillName: String? = nil, skillDescription: String? = nil, readme: Bool = true
    ) {
        self.repository = repository
        self.name = name
        self.skillsDir = skillsDir
        self.manifest = manifest
        self.ci = ci
        self.skillName = skillName
        self.skillDescription = skillDescription
        self.readme = readme
    }

    /// Checks every answer with `OnboardingRules`; the first problem is thrown.
    public func check() throws(OnboardingError) {
        if let problem = OnboardingRules.repositoryNameProblem(name) {
            throw .invalidAnswer(question: "name", reason: problem)
        }
        if let problem = OnboardingRules.skillsDirProblem(skillsDir) {
            throw .invalidAnswer(question: "skills-dir", reason: problem)
        }
        if let skillName {
            if let problem = OnboardingRules.skillNameProblems(skillName).first {
                throw .invalidAnswer(question: "skill", reason: problem)
            }
            if let problem = OnboardingRules.descriptionProblem(skillDescription ?? "") {
                throw .invalidAnswer(question: "description", reason: problem)
            }
        } else if skillDescription != nil {
            throw .invalidAnswer(question: "description", reason: "needs --skill NAME (the skill it describes)")
        }
    }
}
