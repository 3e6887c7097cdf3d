import Foundation

/// Checks and redaction for the `git` and `ref` a repository entry names.
///
/// Both come from the manifest and end up as arguments of the system `git`, so they are checked
/// before use: nothing that git could read as an option, no control characters, and a ref that
/// git itself could have written. A remote URL may hold credentials (`https://user:token@host`);
/// only `redacted` forms ever reach a message, an event or a page.
public enum GitRemote {
    /// Why `url` cannot be fetched from, or nil when it can.
    public static func problem(withURL url: String) -> String? {
        if url.isEmpty { return "git URL is empty" }
        if url.hasPrefix("-") { return "git URL must not start with '-'" }
        if url.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "git URL must not contain control characters"
        }
        let lowered = url.lowercased()
        if lowered.hasPrefix("ext::") || lowered.hasPrefix("fd::") {
            return "git URL uses a transport that runs commands (\(url.prefix(5))); use https, ssh, git or file"
        }
        return nil
    }

    /// Why `ref` cannot be synced, or nil when it can: a branch or tag name (as `git
    /// check-ref-format` allows) or a full 40- or 64-digit commit id.
    public static func problem(withRef ref: String) -> String? {
        if ref.isEmpty { return "ref is empty" }
        if ref.hasPrefix("-") { return "ref must not start with '-'" }
        if isCommitID(ref) { return nil }
        if ref.utf8.count > 255 { return "ref is longer than 255 bytes" }
        if ref.contains("..") || ref.contains("@{") || ref == "@" || ref.hasSuffix("/") || ref.hasPrefix("/") {
            return "ref \(ref) is not a valid branch, tag or commit"
        }
        let forbidden = Set(" ~^:?*[\\".utf8)
        for part in ref.split(separator: "/", omittingEmptySubsequences: false) {
            guard !part.isEmpty, !part.hasPrefix("."), !part.hasSuffix(".lock"), !part.hasSuffix("."),
                !part.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || forbidden.contains($0) })
            else { return "ref \(ref) is not a valid branch, tag or commit" }
        }
        return nil
    }

    /// True for a full SHA-1 or SHA-256 commit id in lowercase hex.
    public static func isCommitID(_ text: String) -> Bool {
        (text.utf8.count == 40 || text.utf8.count == 64)
            && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// `url` with any user name and password replaced by `***` (`https://***@host/repo.git`).
    public static func redacted(_ url: String) -> String {
        guard let userinfo = userinfo(of: url) else { return url }
        return String(url[..<userinfo.lowerBound]) + "***" + String(url[userinfo.upperBound...])
    }

    /// `text` with every occurrence of `url` (and of the credentials in it) redacted: for git's
    /// own messages, which quote the remote.
    public static func scrub(_ text: String, url: String) -> String {
        var out = text.replacingOccurrences(of: url, with: redacted(url))
        if let userinfo = userinfo(of: url), !userinfo.isEmpty {
            out = out.replacingOccurrences(of: String(url[userinfo]), with: "***")
        }
        return out
    }

    /// Where `user:password` sits in `scheme://user:password@host/…`, if anywhere.
    private static func userinfo(of url: String) -> Range<String.Index>? {
        guard let scheme = url.range(of: "://") else { return nil }
        let rest = url[scheme.upperBound...]
        let hostEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        guard let at = rest[..<hostEnd].lastIndex(of: "@") else { return nil }
        return scheme.upperBound..<at
    }
}
