import Foundation

/// The field rules of the Agent Skills spec, collecting findings as they run.
struct SpecRules {
    let file: String
    let mode: ValidationMode
    var findings: [SpecFinding] = []

    init(file: String, mode: ValidationMode) {
        self.file = file
        self.mode = mode
    }

    mutating func checkFields(_ document: SkillDocument) {
        for (key, _) in document.fields where !SkillSpec.allowedFields.contains(key) {
            let isClaudeCode = SkillSpec.claudeCodeFields.contains(key)
            let severity: SpecFinding.Severity = isClaudeCode && mode == .standard ? .warning : .error
            add(
                "frontmatter.unknown-field", severity, field: key,
                isClaudeCode
                    ? "field '\(key)' is a Claude Code extension, not part of the Agent Skills spec"
                    : "field '\(key)' is not allowed at the top level",
                fix: "Move '\(key)' under 'metadata:' or remove it; allowed fields are "
                    + SkillSpec.allowedFields.sorted().joined(separator: ", ") + ".")
        }
    }

    mutating func checkName(_ value: SkillDocument.Value?, folderName: String) {
        // Every name a fix proposes passes these rules itself (SkillNameSuggestion).
        let folderFits = SkillNameSuggestion.isValid(folderName)
        var forFolder: String { folderFits ? folderName : SkillNameSuggestion.suggestion(for: folderName) }
        let rename = folderFits ? "" : " and rename the folder to match"
        guard let value else {
            add("name.required", field: "name", "missing required field 'name'",
                fix: "Add 'name: \(Self.yamlText(forFolder))'\(rename).")
            return
        }
        guard let raw = value.text, !Trim.whitespacesAndNewlines(raw).isEmpty else {
            add("name.required", field: "name", "'name' must be a non-empty string",
                fix: "Set 'name: \(Self.yamlText(forFolder))'\(rename).")
            return
        }
        let name = Self.compatibilityMapped(Trim.whitespacesAndNewlines(raw))
        // A valid folder name that the name equals passes every rule below (most skills).
        if folderFits, name == folderName { return }
        // The suggestion goes into a fix only when a rule fails: made at most once, on demand.
        var suggestion: String?
        func suggested() -> String {
            if let suggestion { return suggestion }
            let made = SkillNameSuggestion.suggestion(for: name)
            suggestion = made
            return made
        }
        let length = name.unicodeScalars.count
        if length > SkillSpec.maxNameLength {
            add("name.length", field: "name",
                "name is \(length) characters; the limit is \(SkillSpec.maxNameLength)",
                fix: "Shorten the name, e.g. to '\(suggested())' (and rename the folder to match).")
        }
        if name != name.lowercased() {
            add("name.lowercase", field: "name", "name '\(name)' must be lowercase",
                fix: "Use '\(suggested())' (and rename the folder to match).")
        }
        if name.hasPrefix("-") || name.hasSuffix("-") {
            add("name.hyphen-edge", field: "name", "name must not start or end with a hyphen",
                fix: "Remove the leading or trailing '-': '\(suggested())'.")
        }
        if name.contains("--") {
            add("name.double-hyphen", field: "name", "name must not contain '--'",
                fix: "Use single hyphens between words: '\(suggested())'.")
        }
        if !name.allSatisfy({ $0 == "-" || $0.isLetter || $0.isNumber }) {
            add("name.characters", field: "name",
                "name '\(name)' may contain only letters, digits and hyphens",
                fix: "Replace spaces, underscores and other symbols with '-': '\(suggested())'.")
        }
        if Self.compatibilityMapped(folderName) != name {
            let nameFits = name == suggested()
            let fix: String
            if folderName != folderName.trimmingCharacters(in: .whitespaces) {
                fix = "Rename the folder to '\(suggested())': a name cannot start or end with a space."
            } else if nameFits && folderFits {
                fix = "Rename the folder to '\(name)' or set 'name: \(Self.yamlText(folderName))'."
            } else if nameFits {
                fix = "Rename the folder to '\(name)'."
            } else if folderFits {
                fix = "Set 'name: \(Self.yamlText(folderName))'."
            } else {
                fix = "Use '\(suggested())' as the name and the folder's name."
            }
            add("name.folder-mismatch", field: "name",
                "name '\(name)' does not match its folder '\(folderName)'", fix: fix)
        }
    }

    mutating func checkDescription(_ value: SkillDocument.Value?) {
        guard let value else {
            add("description.required", field: "description",
                "missing required field 'description'",
                fix: "Add a description saying what the skill does and when to use it.")
            return
        }
        guard let text = value.text, !Trim.whitespacesAndNewlines(text).isEmpty
        else {
            add("description.required", field: "description",
                "'description' must be a non-empty string",
                fix: "Say what the skill does and when to use it.")
            return
        }
        let length = text.unicodeScalars.count
        if length > SkillSpec.maxDescriptionLength {
            add("description.length", field: "description",
                "description is \(length) characters; the limit is \(SkillSpec.maxDescriptionLength)",
                fix: "Move detail into the SKILL.md body and keep the description to what and when.")
        }
    }

    mutating func checkCompatibility(_ value: SkillDocument.Value?) {
        guard let value else { return }
        guard let text = value.text else {
            add("compatibility.type", field: "compatibility", "'compatibility' must be a string",
                fix: "Write the requirements as one sentence.")
            return
        }
        let length = text.unicodeScalars.count
        if length > SkillSpec.maxCompatibilityLength {
            add("compatibility.length", field: "compatibility",
                "compatibility is \(length) characters; the limit is \(SkillSpec.maxCompatibilityLength)",
                fix: "Shorten it to the environment requirements only.")
        }
    }

    /// The spec makes `allowed-tools` a space-delimited string. skills-ref (0.1.1) accepts a
    /// YAML list or mapping there without a word, so it is a warning in both modes: reported,
    /// and `--strict` still gives skills-ref's verdict (docs/validation.md).
    mutating func checkAllowedTools(_ value: SkillDocument.Value?) {
        guard let value, value.text == nil else { return }
        let tools: [String]
        let kind: String
        switch value {
        case .list(let items): (tools, kind) = (items.compactMap(\.text), "list")
        case .mapping(let pairs): (tools, kind) = (pairs.map(\.key), "mapping")
        case .text: return
        }
        let line = tools.isEmpty ? "Bash Read" : tools.joined(separator: " ")
        add("allowed-tools.type", .warning, field: "allowed-tools",
            "'allowed-tools' is a YAML \(kind); the spec makes it a space-delimited string",
            fix: "Write the tools on one line: 'allowed-tools: \(Self.yamlText(line))'.")
    }

    /// skills-ref does not check `metadata`; the spec says it maps strings to strings.
    mutating func checkMetadata(_ value: SkillDocument.Value?) {
        guard mode == .standard, let value else { return }
        guard case .mapping(let pairs) = value, pairs.allSatisfy({ $0.value.text != nil }) else {
            add("metadata.type", field: "metadata",
                "'metadata' must be a mapping of string keys to string values",
                fix: "Write one 'key: value' per line, indented under 'metadata:'.")
            return
        }
    }

    /// `text` as a YAML scalar a user can paste: quoted when plain YAML would change it.
    static func yamlText(_ text: String) -> String {
        let plainSafe = !text.isEmpty && text == Trim.whitespaces(text)
            && text.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" || $0 == "." }
            && !["yes", "no", "true", "false", "null", "~"].contains(text.lowercased())
        guard !plainSafe else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private mutating func add(
        _ rule: String, _ severity: SpecFinding.Severity = .error, field: String, _ message: String,
        fix: String
    ) {
        findings.append(
            SpecFinding(rule: rule, severity: severity, file: file, field: field, message: message, fix: fix))
    }
}

extension SpecRules {
    /// `text` in NFKC; ASCII text is its own NFKC form, so Foundation's (slow) mapping is skipped.
    static func compatibilityMapped(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCompatibilityMapping
    }
}
