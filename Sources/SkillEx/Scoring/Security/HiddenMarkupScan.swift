import Foundation

/// `hidden-comment` and `hidden-markdown`: instructions in Markdown that does not render (HTML
/// comments, link reference definition titles, collapsed `<details>` blocks).
enum HiddenMarkupScan {
    /// Builds the patterns this rule compiles on first use (`Scorer.prepareRules`).
    static func prepare() {
        _ = comment
        _ = referenceTitle
        _ = details
    }

    private static let comment = try? NSRegularExpression(pattern: #"<!--([\s\S]*?)-->"#)
    private static let referenceTitle = try? NSRegularExpression(
        pattern: #"(?m)^ {0,3}\[[^\]\n]+\]:[ \t]*\S+[ \t]+(?:"([^"\n]*)"|'([^'\n]*)'|\(([^)\n]*)\))[ \t]*$"#)
    private static let details = try? NSRegularExpression(pattern: #"(?i)<details\b[^>]*>([\s\S]*?)</details>"#)

    static func hits(_ file: ScannedText) -> [SecurityHit] {
        guard file.isMarkdown || file.path.lowercased() == "skill.md" else { return [] }
        var out: [SecurityHit] = []
        if file.has("<!--") {
            for found in file.matches(comment) {
                let inside = file.group(found.match, 1)
                guard InstructionText.instructs(inside) else { continue }
                out.append(SecurityHit(
                    rule: "hidden-comment", risk: .high,
                    message: "an HTML comment readers never see gives instructions: \(excerpt(inside))",
                    file: file.path, line: found.line))
            }
        }
        if file.has("]:") {
            for found in file.matches(referenceTitle) {
                let title = [1, 2, 3].map { file.group(found.match, $0) }.first { !$0.isEmpty } ?? ""
                guard InstructionText.instructs(title) else { continue }
                out.append(SecurityHit(
                    rule: "hidden-markdown", risk: .high,
                    message: "a link reference definition (not rendered) carries instructions: \(excerpt(title))",
                    file: file.path, line: found.line))
            }
        }
        if file.has("<details") {
            for found in file.matches(details) {
                let inside = file.group(found.match, 1)
                guard InstructionText.injects(inside) else { continue }
                out.append(SecurityHit(
                    rule: "hidden-markdown", risk: .high,
                    message: "a collapsed <details> block carries agent instructions: \(excerpt(inside))",
                    file: file.path, line: found.line))
            }
        }
        return out
    }

    /// The hidden text on one line, shortened and with hidden characters shown.
    static func excerpt(_ text: Substring) -> String {
        let flat = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ").trimmingCharacters(in: .whitespaces)
        let shown = HiddenText.reveal(flat)
        return "\"" + (shown.count > 100 ? String(shown.prefix(100)) + "…" : shown) + "\""
    }
}

/// Tells instructions to an agent from ordinary notes in hidden text.
enum InstructionText {
    /// Phrases that on their own make hidden text an instruction to the agent.
    static let strong = [
        "ignore ", "disregard", "do not tell", "don't tell", "do not mention", "don't mention", "without telling",
        "secretly", "silently", "you must", "you are now", "system prompt", "assistant:", "ai agent", "the agent",
        "the assistant", "as an ai", "language model", "before responding", "do not reveal", "never reveal",
        "exfiltrat", "| sh", "| bash", "base64 -d", "~/.ssh", "~/.aws", "os.environ", "printenv",
    ]
    /// Words that make hidden text an instruction when two of them occur.
    static let weak = [
        "curl ", "wget ", "upload", "send ", "post ", "execute", "run ", "always ", "instead", "api key", "token",
        "password", "credentials", "http://", "https://", "the user", "claude", "copilot", "gpt", "delete ",
    ]

    /// True when `text` reads as instructions to an agent.
    static func instructs(_ text: Substring) -> Bool {
        let lower = text.lowercased()
        if strong.contains(where: { lower.contains($0) }) { return true }
        return weak.filter { lower.contains($0) }.count >= 2
    }

    /// True when `text` holds an injection phrase or an exfiltration command (for text that is
    /// visible on request, such as `<details>`).
    static func injects(_ text: Substring) -> Bool {
        let lower = text.lowercased()
        return ["ignore previous", "ignore all", "ignore the above", "disregard", "do not tell the user",
                "don't tell the user", "without telling", "secretly", "exfiltrat", "| sh", "| bash", "~/.ssh",
                "~/.aws", "os.environ", "system prompt"].contains { lower.contains($0) }
    }
}
