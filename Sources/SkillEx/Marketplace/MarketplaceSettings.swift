/// The manifest's `marketplace` section: whether `skillex package` (and `build`) writes a Claude
/// Code plugin marketplace, where, under which name and owner, and how skills group into plugins.
///
/// ```json
/// "marketplace": { "enabled": true, "name": "acme-skills", "owner": { "name": "Platform team" },
///                  "output": "marketplace", "group_by": "repository",
///                  "groups": { "data-tools": ["data-team", "docs-guild"] }, "agent_plugins": true }
/// ```
public struct MarketplaceSettings: Codable, Sendable, Equatable {
    /// The marketplace's owner (`owner` in marketplace.json).
    public struct Owner: Codable, Sendable, Equatable {
        public var name: String
        public var email: String?
        public var url: String?
    }

    /// Written by every `package` and `build` when true (else only with `package --marketplace`).
    public var enabled: Bool?
    /// The marketplace's name (kebab-case, not a reserved name); default: the site title as
    /// kebab-case, else `skillex-hub`.
    public var name: String?
    /// Default: the first maintainer, else the site title, else `SkillEx hub`.
    public var owner: Owner?
    /// `metadata.description`; default names the hub.
    public var description: String?
    /// The folder, relative to the manifest's folder (default `marketplace`).
    public var output: String?
    /// `repository` (one plugin per repository, the default) or `hub` (one plugin for all).
    public var groupBy: String?
    /// Plugins named here hold the skills of the listed repositories; the other repositories
    /// get a plugin each (or share the hub's with `group_by: hub`).
    public var groups: [String: [String]]?
    /// Also writes the vendor-neutral Agent Plugins 1.0 `plugin.json` at each plugin's root.
    public var agentPlugins: Bool?

    enum CodingKeys: String, CodingKey {
        case enabled, name, owner, description, output, groups
        case groupBy = "group_by", agentPlugins = "agent_plugins"
    }

    public init() {}

    /// The section of `manifest`; none gives the defaults, a malformed one an error naming it.
    public static func of(_ manifest: Manifest) throws -> MarketplaceSettings {
        do { return try manifest.extra.decode(MarketplaceSettings.self, key: "marketplace") ?? MarketplaceSettings() } catch {
            throw MarketplaceError.settings("manifest marketplace section: \(ErrorText.decoding(error))")
        }
    }
}

/// Why a marketplace cannot be written.
public enum MarketplaceError: DescribedError, Equatable {
    case settings(String)
    case reservedName(String, reason: String)
    case copyFailed(String)

    public var description: String {
        switch self {
        case .settings(let text): text
        case .reservedName(let name, let reason): "marketplace name '\(name)': \(reason)"
        case .copyFailed(let text): "marketplace: \(text)"
        }
    }
}
