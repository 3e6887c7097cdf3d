import Foundation
import SkillEx

/// The manifest's `site.url` (where the site is published) and `site.edit_url` (the address a
/// cookbook file's name is appended to, to edit it in the source repository). Both optional:
/// without `url` pages carry no absolute links (canonical, `og:url`, sitemap); without
/// `edit_url` cookbook pages have no edit link. Only `http`/`https` values are used.
struct SiteLinks: Sendable, Equatable, Decodable {
    /// The published site's address, ending in `/`.
    var base: String?
    /// The cookbook folder's edit address, ending in `/`.
    var edit: String?

    enum CodingKeys: String, CodingKey { case base = "url", edit = "edit_url" }

    init(base: String? = nil, edit: String? = nil) {
        self.base = Self.folderURL(base)
        self.edit = Self.folderURL(edit)
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(base: try? container.decodeIfPresent(String.self, forKey: .base),
                  edit: try? container.decodeIfPresent(String.self, forKey: .edit))
    }

    /// The links of `manifest`'s `site` section (none when it is absent or malformed).
    static func of(_ manifest: Manifest) -> SiteLinks {
        (try? manifest.extra.decode(SiteLinks.self, key: "site")) ?? SiteLinks()
    }

    /// The absolute address of site path `path` (`cookbook/a.html`), when `url` is set.
    func absolute(_ path: String) -> String? {
        base.map { $0 + Self.percentEncoded(path == "index.html" ? "" : path) }
    }

    /// The edit address of cookbook file `fileName`, when `edit_url` is set.
    func editURL(cookbookFile fileName: String) -> String? {
        edit.map { $0 + Self.percentEncoded(fileName) }
    }

    /// `text` trimmed, kept only if it is an `http(s)` URL without spaces, quotes or angle
    /// brackets, with a `/` added at the end.
    static func folderURL(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
            !text.contains(where: { $0.isWhitespace || "\"'<>\\`".contains($0) || $0.asciiValue.map { $0 < 0x20 } == true })
        else { return nil }
        return text.hasSuffix("/") ? text : text + "/"
    }

    /// A site path with every byte outside the URL path alphabet percent-encoded.
    static func percentEncoded(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#;")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}
