import Foundation
import SkillEx

/// The manifest's `site.url`, the site's public address, when set.
struct DiscoverySettings: Decodable {
    var url: String?

    /// The manifest's settings; a missing or malformed `site` section gives none.
    static func load(_ manifest: Manifest) -> DiscoverySettings {
        (try? manifest.extra.decode(DiscoverySettings.self, key: "site")) ?? DiscoverySettings(url: nil)
    }

    /// What goes before an artifact's path in `url`: nothing (the RFC resolves a relative URL
    /// against the index's folder, so the site works under any base path), or the absolute
    /// address of the folder when `site.url` is an http(s) URL.
    var artifactBase: String {
        guard let url, let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
            scheme == "https" || scheme == "http", parsed.host != nil
        else { return "" }
        var base = url
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/" + DiscoveryIndex.folderPath + "/"
    }
}
