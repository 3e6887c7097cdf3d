/// Names in a marketplace: kebab-case slugs, and the marketplace names Claude Code reserves.
public enum MarketplaceNames {
    /// Names Claude Code keeps for official, community and directory marketplaces (its
    /// marketplace reference, "Reserved names"); a hub may not use them.
    public static let reserved: Set<String> = [
        "claude-code-marketplace", "claude-code-plugins", "claude-plugins-official", "anthropic-marketplace",
        "anthropic-plugins", "agent-skills", "anthropic-agent-skills", "life-sciences", "knowledge-work-plugins",
        "claude-for-legal", "claude-for-financial-services", "financial-services-plugins", "first-party-plugins",
        "claude-tag-plugins", "claude-community", "claude-plugins-community", "healthcare",
        "anthropic-plugin-directory", "claude-plugin-directory",
    ]

    /// Why `name` cannot name a marketplace, or nil: not kebab-case, reserved, or looking like
    /// an official marketplace (holding `anthropic`, or `official` beside `claude`).
    public static func marketplaceProblem(_ name: String) -> String? {
        if slug(name) != name { return "must be kebab-case (a-z, 0-9 and single hyphens)" }
        if reserved.contains(name) { return "reserved by Claude Code for an official marketplace" }
        if name.contains("anthropic") || (name.contains("claude") && name.contains("official")) {
            return "looks like an official Claude Code marketplace, which Claude Code refuses"
        }
        return nil
    }

    /// `text` as kebab-case: lowercased, every run of other characters one hyphen, none at the
    /// ends, at most 64 characters; empty when nothing is left.
    public static func slug(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for byte in text.lowercased().utf8 {
            if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.append(Character(Unicode.Scalar(byte)))
            } else {
                pendingHyphen = true
            }
        }
        while out.count > 64 { out.removeLast() }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}
