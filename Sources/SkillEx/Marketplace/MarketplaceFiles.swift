import Foundation

/// The JSON files of a marketplace, as Claude Code's marketplace reference and the Agent Plugins
/// 1.0 schema define them. Only documented fields are written.
enum MarketplaceFiles {
    struct Marketplace: Encodable {
        struct Metadata: Encodable {
            var description: String
            var version: String
        }
        struct Entry: Encodable {
            var name: String
            var source: String
            var description: String
            var version: String
        }
        var name: String
        var owner: MarketplaceSettings.Owner
        var metadata: Metadata
        var plugins: [Entry]
    }

    /// `.claude-plugin/plugin.json`.
    struct ClaudePlugin: Encodable {
        struct Author: Encodable { var name: String }
        var name: String
        var version: String
        var description: String
        var author: Author
    }

    /// `plugin.json` at the plugin's root (Agent Plugins 1.0).
    struct AgentPlugin: Encodable {
        var schema = "https://agent-plugins.org/schemas/1.0.0/plugin.schema.json"
        var name: String
        var version: String
        var description: String

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", name, version, description
        }
    }

    /// What a plugin is for people browsing the marketplace.
    static func description(_ plugin: MarketplacePlan.Plugin) -> String {
        let names = plugin.skills.map(\.name)
        let shown = names.prefix(8).joined(separator: ", ") + (names.count > 8 ? " and \(names.count - 8) more" : "")
        let from = plugin.repositories.count == 1 ? "the \(plugin.repositories[0]) repository" : "\(plugin.repositories.count) repositories"
        return "\(names.count) skills from \(from): \(shown)"
    }

    /// `value` as JSON people diff: sorted keys, 2-space indent, a final newline.
    static func json<T: Encodable>(_ value: T) throws -> Data { try JSONWriter.data(value) }

    /// A plugin's README.md: what it holds and how to install it.
    static func readme(_ plugin: MarketplacePlan.Plugin, marketplace: String) -> Data {
        var text = "# \(plugin.name)\n\n\(description(plugin)).\n\nInstall in Claude Code:\n\n"
        text += "```\n/plugin install \(plugin.name)@\(marketplace)\n```\n\n## Skills\n\n"
        for skill in plugin.skills {
            let summary = (skill.description ?? "").replacingOccurrences(of: "\n", with: " ")
            text += "- `\(skill.name)` (\(skill.sourceRepo)): \(MarkdownText.escaped(summary))\n"
        }
        return Data(text.utf8)
    }
}
