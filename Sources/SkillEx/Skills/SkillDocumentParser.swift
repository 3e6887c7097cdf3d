import Foundation
internal import SkillExMarkdown
internal import Yams

/// Turns `SKILL.md` text into a `SkillDocument`, or the findings that explain why it cannot.
package enum SkillDocumentParser {
    /// The outcome of a parse: a document, plus findings raised on the way.
    package struct Outcome {
        package var document: SkillDocument?
        var findings: [SpecFinding]
    }

    /// Parses `raw` (already valid UTF-8) from `file` under `mode`.
    /// `flatFastPath: false` always uses Yams (tests compare the two).
    package static func parse(_ raw: String, file: String, mode: ValidationMode, flatFastPath: Bool = true) -> Outcome {
        var findings: [SpecFinding] = []
        // Python's read_text uses universal newlines; both modes see LF only.
        var text = ByteSearch.contains(raw, 13) ? raw.replacingOccurrences(of: "\r\n", with: "\n") : raw
        if text.hasPrefix("\u{FEFF}") {
            if mode == .strict {
                return Outcome(findings: [bomFinding(file, severity: .error)])
            }
            findings.append(bomFinding(file, severity: .warning))
            text.removeFirst()
        }
        guard text.hasPrefix("---") else {
            findings.append(
                SpecFinding(
                    rule: "frontmatter.missing", file: file,
                    message: "SKILL.md must start with YAML front matter (a '---' line)",
                    fix: "Begin the file with '---', the name and description fields, then '---'."))
            return Outcome(findings: findings)
        }
        let yaml: Substring
        let body: Substring
        if mode == .strict {
            // skills-ref splits on the first two '---' anywhere in the text.
            let parts = text.split(separator: "---", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { return Outcome(findings: findings + [unclosed(file)]) }
            yaml = parts[1]
            body = parts[2]
        } else {
            let split = FrontMatter.split(text)
            guard let found = split.yaml else { return Outcome(findings: findings + [unclosed(file)]) }
            yaml = found
            body = split.body
        }
        if yaml.utf8.count > SkillSpec.maxFrontMatterBytes {
            findings.append(
                SpecFinding(
                    rule: "frontmatter.too-large", file: file,
                    message: "front matter is \(yaml.utf8.count) bytes, over the limit of \(SkillSpec.maxFrontMatterBytes)",
                    fix: "Keep the front matter to name, description and short fields; move text into the body."))
            return Outcome(findings: findings)
        }
        if mode == .strict, let problem = StrictYAMLSubset.problem(in: yaml) {
            findings.append(yamlFinding(file, problem))
            return Outcome(findings: findings)
        }
        if flatFastPath, let flat = FlatFrontMatter.fields(yaml) {
            return Outcome(
                document: SkillDocument(fields: flat, body: String(body.drop(while: { $0 == "\n" }))),
                findings: findings)
        }
        let node: Node?
        do {
            if let problem = try AliasKeyScreen.problem(in: yaml) {
                findings.append(yamlFinding(file, problem))
                return Outcome(findings: findings)
            }
            // UTF-8 given explicitly: Yams otherwise reads the environment on every parse.
            node = try Yams.compose(yaml: String(yaml), .default, .default, .utf8)
        } catch {
            findings.append(yamlFinding(file, describe(error)))
            return Outcome(findings: findings)
        }
        guard let node, case .mapping(let mapping) = node else {
            findings.append(
                SpecFinding(
                    rule: "frontmatter.not-mapping", file: file,
                    message: "front matter must be a YAML mapping of fields",
                    fix: "Write one 'field: value' per line between the '---' lines."))
            return Outcome(findings: findings)
        }
        var fields: [(key: String, value: SkillDocument.Value)] = []
        var seen = Set<String>()
        // Aliases share nodes, so a small text can stand for billions of values: count as we go.
        var budget = SkillSpec.maxFrontMatterValues
        for (keyNode, valueNode) in mapping {
            // A non-scalar key is named by its rendering, which also counts against the budget.
            guard let key = keyNode.scalar?.string ?? value(of: keyNode, budget: &budget)?.display,
                let value = value(of: valueNode, budget: &budget)
            else {
                findings.append(
                    SpecFinding(
                        rule: "frontmatter.too-complex", file: file,
                        message: "front matter expands to more than \(SkillSpec.maxFrontMatterValues) values (YAML aliases?)",
                        fix: "Write the values out; front matter needs no anchors or aliases."))
                return Outcome(findings: findings)
            }
            if !seen.insert(key).inserted {
                findings.append(
                    SpecFinding(
                        rule: "frontmatter.duplicate-key", file: file, field: key,
                        message: "field '\(key)' appears more than once",
                        fix: "Keep one '\(key)' line and delete the others."))
                continue
            }
            fields.append((key, value))
        }
        let document = SkillDocument(
            fields: fields, body: String(body.drop(while: { $0 == "\n" })))
        return Outcome(document: document, findings: findings)
    }

    /// The value of `node`, or nil once more than `budget` values were made (aliases share
    /// nodes in Yams, so expanding them is where a bomb would take memory and time).
    private static func value(of node: Node, budget: inout Int) -> SkillDocument.Value? {
        budget -= 1
        guard budget >= 0 else { return nil }
        switch node {
        case .scalar(let scalar): return .text(scalar.string)
        case .sequence(let sequence):
            var items: [SkillDocument.Value] = []
            for item in sequence {
                guard let value = value(of: item, budget: &budget) else { return nil }
                items.append(value)
            }
            return .list(items)
        case .mapping(let mapping):
            var pairs: [(key: String, value: SkillDocument.Value)] = []
            for (key, item) in mapping {
                guard let value = value(of: item, budget: &budget) else { return nil }
                pairs.append((key.scalar?.string ?? "", value))
            }
            return .mapping(pairs)
        case .alias: return .text("")
        }
    }

    /// `line L, column C: problem` from a Yams error, without the echoed source line.
    private static func describe(_ error: any Error) -> String {
        guard let yamlError = error as? YamlError else { return ErrorText.oneLine("\(error)") }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            // The front matter starts on line 2 of SKILL.md.
            if problem.hasPrefix("Maximum nesting level") {
                return "line \(mark.line + 1), column \(mark.column): collections nest too deeply"
            }
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return "line \(mark.line + 1), column \(mark.column): \(what)"
        default:
            return ErrorText.oneLine(String(describing: yamlError).components(separatedBy: "\n").first ?? "")
        }
    }

    private static func unclosed(_ file: String) -> SpecFinding {
        SpecFinding(
            rule: "frontmatter.unclosed", file: file,
            message: "front matter is not closed with a '---' line",
            fix: "Add a line containing only '---' after the last front-matter field.")
    }

    private static func bomFinding(_ file: String, severity: SpecFinding.Severity) -> SpecFinding {
        SpecFinding(
            rule: "encoding.bom", severity: severity, file: file,
            message: "file starts with a UTF-8 byte-order mark",
            fix: "Save SKILL.md as UTF-8 without a BOM.")
    }

    private static func yamlFinding(_ file: String, _ problem: String) -> SpecFinding {
        SpecFinding(
            rule: "frontmatter.yaml", file: file,
            message: "front matter is not valid YAML: \(problem)",
            fix: "Fix the YAML syntax; quote values that contain ': ' or start with a symbol.")
    }
}

/// The parts of YAML that skills-ref's parser (strictyaml) refuses: flow collections, anchors,
/// aliases and tags. Found by a line scan of where values start, outside quotes.
enum StrictYAMLSubset {
    /// A description of the first refused construct, or nil.
    static func problem(in yaml: Substring) -> String? {
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.drop(while: { $0 == " " })
            if content.hasPrefix("#") { continue }
            var valueStart: Substring?
            if content.hasPrefix("- ") {
                valueStart = content.dropFirst(2)
            } else if let colon = content.range(of: ": ") ?? (content.hasSuffix(":") ? content.range(of: ":", options: .backwards) : nil),
                !content.hasPrefix("\""), !content.hasPrefix("'")
            {
                valueStart = content[colon.upperBound...]
            } else if index > 0 {
                continue
            } else {
                valueStart = content
            }
            guard let first = valueStart?.drop(while: { $0 == " " }).first else { continue }
            switch first {
            case "{", "[": return "line \(index + 1): flow-style collections are not allowed"
            case "&", "*": return "line \(index + 1): anchors and aliases are not allowed"
            case "!": return "line \(index + 1): tags are not allowed"
            default: continue
            }
        }
        return nil
    }
}
