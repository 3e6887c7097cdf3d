/// The rules answers to `skillex init` must follow; each returns what is wrong, or nothing.
public enum OnboardingRules {
    /// Why `name` cannot name a repository in the manifest.
    public static func repositoryNameProblem(_ name: String) -> String? {
        if let problem = PathSafety.problem(withFolderName: name) { return "repository name \(problem)" }
        if !name.unicodeScalars.allSatisfy(isPlainScalar) {
            return "repository name may contain only ASCII letters, digits, '-', '_' and '.'"
        }
        return nil
    }

    /// Why `dir` cannot be a skills folder inside the repository.
    public static func skillsDirProblem(_ dir: String) -> String? {
        if Trim.whitespacesAndNewlines(dir).isEmpty { return "skills folder is empty" }
        if dir.hasPrefix("/") { return "skills folder must be relative to the repository" }
        if dir.split(separator: "/").contains("..") { return "skills folder must not contain '..'" }
        if !dir.unicodeScalars.allSatisfy({ isPlainScalar($0) || $0 == "/" }) {
            return "skills folder may contain only ASCII letters, digits, '-', '_', '.' and '/'"
        }
        return nil
    }

    /// What the Agent Skills spec says is wrong with `name` as a skill's name (empty when valid):
    /// the same messages `skillex validate` prints, from `SpecValidator`.
    public static func skillNameProblems(_ name: String) -> [String] {
        if name.isEmpty { return ["name is empty"] }
        if let problem = PathSafety.problem(withFolderName: name), name.contains("/") || name.hasPrefix(".") {
            return ["name \(problem)"]
        }
        let text = "---\nname: \(yamlQuoted(name))\ndescription: A skill.\n---\n"
        let result = SpecValidator().validate(text: text, file: "SKILL.md", folderName: name)
        return result.findings.filter { $0.rule.hasPrefix("name.") || $0.rule.hasPrefix("frontmatter") }
            .map(\.message)
    }

    /// Why `description` cannot describe a skill (empty or over the spec's limit).
    public static func descriptionProblem(_ description: String) -> String? {
        let text = Trim.whitespacesAndNewlines(description)
        if text.isEmpty { return "description is empty: say what the skill does and when to use it" }
        if text.unicodeScalars.count > SkillSpec.maxDescriptionLength {
            return "description is \(text.unicodeScalars.count) characters; the limit is \(SkillSpec.maxDescriptionLength)"
        }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "description must be one line without control characters"
        }
        return nil
    }

    /// Advice (not an error) on a valid description: scoring looks for a "when to use" cue.
    public static func descriptionAdvice(_ description: String) -> String? {
        let lower = description.lowercased()
        if lower.contains("use when") || lower.contains("when ") { return nil }
        return "tip: add when to use it (\"Use when …\"); scoring looks for it"
    }

    /// Names and folders init writes into shell and CI files stay within these characters, so
    /// they never need quoting rules of their own (and cannot inject an expression).
    static func isPlainScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": true
        default: false
        }
    }

    /// `text` as a YAML double-quoted scalar.
    static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
