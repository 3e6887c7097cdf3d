import SkillEx

/// The ways to get a skill onto a machine, shown on its page as commands to copy.
///
/// Extension point: each entry of `makers` turns what the site knows about a skill into one
/// snippet, or nil when it does not apply. A new way to consume the hub (such as
/// `skillex install`) adds one function to `makers`; the page and template need no change.
struct InstallSnippet: Sendable, Encodable {
    /// A short title (`Pull the hub's packs`).
    var title: String
    /// One sentence on when to use it.
    var note: String
    /// The shell commands, as text.
    var command: String
    /// `command` escaped and coloured as shell.
    var commandHTML: String
    /// A file to download first, relative to the page, with its label.
    var downloadHref: String?
    var downloadLabel: String?
}

enum InstallSnippets {
    /// What a snippet maker gets.
    struct Facts {
        var skill: SkillInput
        /// The page's path to the site's root (`../../../`).
        var root: String
    }

    typealias Maker = @Sendable (Facts) -> InstallSnippet?

    /// The snippet makers, in page order. Add new ways to install here.
    static let makers: [Maker] = [packDownload, pull]

    static func make(_ facts: Facts) -> [InstallSnippet] { makers.compactMap { $0(facts) } }

    static func snippet(_ title: String, _ note: String, _ command: String, href: String? = nil, label: String? = nil) -> InstallSnippet {
        InstallSnippet(
            title: title, note: note, command: command,
            commandHTML: Highlighter.html(command, rules: SyntaxRules.named("sh")), downloadHref: href, downloadLabel: label)
    }

    /// The latest pack, from the home page (linked there rather than here, so a new pack does
    /// not change every skill's page), checked against the SHA-256 shown beside it, unpacked.
    static let packDownload: Maker = { facts in
        snippet(
            "Download the pack", "The hub's latest pack holds every skill that passed the gate; the home page "
                + "links it with its SHA-256. Check it and unpack it:",
            "sha256sum skills-pack-*.zip    # compare with the SHA-256 on the home page\nunzip -o skills-pack-*.zip -d skills-pack",
            href: facts.root + "index.html#pack-heading", label: "Latest pack on the home page")
    }

    /// `skillex pull` from the hub's published dist/ into an agent's skills folder.
    static let pull: Maker = { _ in
        snippet(
            "Pull with skillex", "Keeps a folder at the latest pack, fetching only the deltas it needs; "
                + "replace hub/dist with the hub's published dist/ (a path, file:// URL or s3://bucket/prefix).",
            "skillex pull --from hub/dist --into ~/.claude/skills")
    }
}

extension SkillPage {
    /// What the install snippets of `skill`'s page are made from.
    static func installFacts(_ skill: SkillInput, _ context: SiteContext) -> InstallSnippets.Facts {
        InstallSnippets.Facts(skill: skill, root: PageFrame.root(of: skill.pagePath))
    }
}
