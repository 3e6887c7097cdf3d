/// The security headers of `skillex serve`'s answers.
public enum ServeHeaders {
    /// The site's Content-Security-Policy: scripts, styles, fonts and fetches come from the site
    /// alone (no inline script or style, no `eval`), images from the site or `data:`, forms go to
    /// the site, and nothing may frame a page, change its base URL or load a plugin.
    public static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// The policy of a raw copy of a skill file: nothing loads, and it runs in a sandbox (no
    /// script, a unique origin) even when a browser opens it in place.
    public static let rawPolicy = "default-src 'none'; sandbox"

    /// Headers every answer carries: no caching (a preview changes under the reader), no MIME
    /// sniffing, the policy, one request per connection.
    static func common(policy: String = contentSecurityPolicy) -> [(String, String)] {
        [
            ("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff"),
            ("Content-Security-Policy", policy), ("Connection", "close"),
        ]
    }

    /// True for a raw copy of a skill file, or a folder of them: `skills/<repo>/<skill>/raw/…`.
    /// Those bytes are the skill's, not the site's, and must never be active content on the
    /// site's origin.
    static func isRawCopy(_ segments: [String]) -> Bool {
        segments.count >= 4 && segments[0] == "skills" && segments[3] == "raw"
    }

    /// The type and disposition of a raw copy: a download (`attachment`), as UTF-8 text when it
    /// decodes as such and holds no NUL, else as bytes; never a type a browser would run.
    static func raw(_ body: [UInt8], name: String) -> [(String, String)] {
        let text = !body.contains(0) && String(validating: body, as: UTF8.self) != nil
        let safeName = !name.isEmpty && name.utf8.allSatisfy { byte in
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 46 || byte == 45 || byte == 95
        }
        return [
            ("Content-Type", text ? "text/plain; charset=utf-8" : "application/octet-stream"),
            ("Content-Disposition", safeName ? "attachment; filename=\"\(name)\"" : "attachment"),
        ]
    }

    /// The type of a site file by extension.
    static func contentType(_ ext: String) -> String {
        switch ext.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "zip": "application/zip"
        case "txt", "md", "cast": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
