import Foundation

/// `inject-*`: text telling the agent to drop its instructions, hide what it does, or take
/// permissions. A small documented phrase set (docs/security-scanning.md); quoted phrases,
/// fenced code in Markdown and lines that discuss attacks are left alone.
enum InjectionScan {
    /// Builds the patterns this rule compiles on first use (`Scorer.prepareRules`).
    static func prepare() {
        _ = rules
        _ = ruleWords
    }

    static let rules: [(rule: String, risk: SecurityRisk, what: String, words: [String], regex: NSRegularExpression?)] = [
        ("inject-override", .critical, "tells the agent to drop its instructions",
         ["ignore", "disregard", "forget", "override", "system prompt", "you are now"], rx(
            #"\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+|your\s+|every\s+|of\s+)*(?:previous|prior|earlier|above|preceding|original|system|developer|safety|other)\s+(?:instructions?|prompts?|rules|directions|guidelines|messages|context)|\bnew\s+system\s+prompt\b|\byou\s+are\s+now\s+(?:dan\b|in\s+(?:developer|god|jailbreak)\s+mode|unrestricted|free\s+of|no\s+longer\s+bound)|\bforget\s+everything\s+(?:you|above|before)"#)),
        ("inject-conceal", .high, "tells the agent to hide what it does from the user",
         ["user", "silently", "secretly", "covertly", "quietly", "keep this", "keep it"], rx(
            #"\b(?:do\s+not|don't|never)\s+(?:tell|inform|mention|reveal|show|disclose|notify|alert|report)\s+(?:this\s+|it\s+|anything\s+|these\s+\w+\s+)?(?:to\s+)?(?:the\s+)?user\b|\bwithout\s+(?:telling|informing|notifying|alerting)\s+the\s+user|\b(?:hide|conceal)\s+(?:this|these|that|the|your|any)\b[\w\s]{0,24}?\bfrom\s+the\s+user|\bkeep\s+(?:this|it)\s+(?:secret|hidden)\s+from\b|\bthe\s+user\s+(?:must|should)\s+(?:not|never)\s+(?:know|see|notice|find\s+out)|\b(?:silently|secretly|covertly|quietly)\s+(?:run|execute|send|upload|copy|delete|install|add|modify|post|forward|append|overwrite)"#)),
        ("inject-escalate", .high, "tells the agent to take permissions or skip asking",
         ["asking", "requesting", "waiting", " ask ", "bypass", "skip", "disable", "turn off", "circumvent", "grant yourself",
          "you have", "you now have", "as root", "with root", "as sudo", "with sudo", "as administrator", "with administrator"], rx(
            #"\b(?:without|never)\s+(?:asking|requesting|waiting)\s+(?:for\s+)?(?:the\s+user(?:'s)?\s+)?(?:permission|confirmation|approval|consent)|\b(?:do\s+not|don't|never)\s+ask\s+(?:the\s+user\s+)?(?:for\s+)?(?:permission|confirmation|approval)|\b(?:bypass|skip|disable|turn\s+off|circumvent)\s+(?:all\s+|any\s+|the\s+|every\s+|your\s+)?(?:safety|security|permission|approval|confirmation|sandbox)\s*(?:checks?|prompts?|dialogs?|restrictions?|guardrails?|rules|mode)?\b|\bgrant\s+yourself\b|\byou\s+(?:have|now\s+have)\s+(?:full|unrestricted|root|admin)\s+(?:access|permissions?|privileges)|\brun\s+(?:\w+\s+){0,3}(?:as|with)\s+(?:root|sudo|administrator)\b"#)),
    ]

    /// Each rule's keywords with their matcher ids.
    private static let ruleWords = rules.map { KeywordSet($0.words) }

    static func hits(_ file: ScannedText) -> [SecurityHit] {
        var out: [SecurityHit] = []
        for (rule, words) in zip(rules, ruleWords) {
            var lines = Set<Int>()
            for found in file.lineMatches(rule.regex, anyOf: words) {
                let text = found.match
                guard !lines.contains(found.line), !file.fencedLines.contains(found.line),
                    !MatchContext.discusses(found.lineText), !MatchContext.quoted(found.lineText, match: text),
                    !MatchContext.negated(found.lineText, before: text)
                else { continue }
                lines.insert(found.line)
                out.append(SecurityHit(
                    rule: rule.rule, risk: rule.risk,
                    message: "\(rule.what): \"\(HiddenText.reveal(text))\" in \(HiddenCharacterScan.shown(file, found.line))",
                    file: file.path, line: found.line))
            }
        }
        return out
    }

    private static func rx(_ pattern: String) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }
}
