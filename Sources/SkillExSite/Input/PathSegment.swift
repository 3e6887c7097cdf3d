import Foundation
import SkillEx

/// Turns names from outside (repos, skills, files) into safe URL path segments, one to one:
/// two different names never give the same segment, so no file can stand in for another on the
/// site (`a b.md`, `a+b.md` and `a-b.md` get three pages), and every segment fits a file name.
///
/// ASCII letters, digits, `.`, `_` and `-` stay as they are, so ordinary names are unchanged;
/// every other byte of the name's UTF-8 becomes `~XX` (two upper-case hex digits, `~` itself
/// included), as in percent-encoding, which makes the encoding reversible. `.` and `..` are
/// written `~2E` and `~2E~2E`. A segment over `maxBytes` becomes its first bytes, `~~`, 20 hex
/// digits of the SHA-256 of the whole name and its extension: no short segment holds `~~` (a
/// `~` is always followed by hex digits), so a long one can only meet another long one, and then
/// only on the same digest.
enum PathSegment {
    /// The longest segment: with `.html` or `.txt` added, and the `.<name>.tmp-<UUID>` that an
    /// atomic replace writes beside it, it stays well under the 255-byte file-name limit.
    static let maxBytes = 120

    /// The segment for `name`.
    static func clean(_ name: String) -> String {
        encode(name, folder: false)
    }

    /// The segment for a folder named `name` on a path that ends in a file the site made
    /// (`files/<folders>/<name>.html`, `raw/<folders>/<name>[.txt]`). It also keeps clear of
    /// those files' names: a final `.` before `html`, `txt` or an image extension is written
    /// `~2E`, so a folder `a.md.html/` is never the page `a.md` + `.html` beside it.
    static func folder(_ name: String) -> String {
        encode(name, folder: true)
    }

    /// The longest path `path(_:)` gives: deep folders of long names still leave the whole
    /// site path well under the 4,096-byte limit of a path.
    static let maxPathBytes = 600

    /// The segments of a `/`-separated relative path: folders, then the file. A path over
    /// `maxPathBytes` becomes one segment, `~~`, 24 hex digits of the SHA-256 of the whole path
    /// and the file's extension; no other path starts with `~~`.
    static func path(_ relative: String) -> String {
        let parts = relative.split(separator: "/").map(String.init)
        let joined = (parts.dropLast().map(folder) + parts.suffix(1).map(clean)).joined(separator: "/")
        guard joined.utf8.count > maxPathBytes else { return joined }
        let last = Array(clean(parts.last ?? "").utf8)
        return "~~" + String(Digest.sha256Hex(Data(relative.utf8)).prefix(24)) + String(decoding: fileExtension(of: last), as: UTF8.self)
    }

    private static func encode(_ name: String, folder: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        let dotsOnly = name == "." || name == ".."
        let finalDot = folder ? Self.finalDotToEscape(name) : nil
        for (offset, byte) in name.utf8.enumerated() {
            let keep = isSafe(byte) && !(dotsOnly && byte == UInt8(ascii: ".")) && offset != finalDot
            if keep {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "~"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        guard out.count > maxBytes else { return String(decoding: out, as: UTF8.self) }
        return long(name, encoded: out)
    }

    /// `<first bytes>~~<20 hex digits>[.<extension>]` for an encoded name over `maxBytes`.
    private static func long(_ name: String, encoded: [UInt8]) -> String {
        let digest = String(Digest.sha256Hex(Data(name.utf8)).prefix(20))
        let suffix = String(decoding: fileExtension(of: encoded), as: UTF8.self)
        var keep = maxBytes - 2 - digest.count - suffix.utf8.count
        // Never cut a `~XX` escape in two.
        if keep >= 1, encoded[keep - 1] == UInt8(ascii: "~") {
            keep -= 1
        } else if keep >= 2, encoded[keep - 2] == UInt8(ascii: "~") {
            keep -= 2
        }
        return String(decoding: encoded[..<keep], as: UTF8.self) + "~~" + digest + suffix
    }

    /// The final `.<letters and digits>` of an encoded name (at most 10 after the dot), or nothing.
    private static func fileExtension(of encoded: [UInt8]) -> ArraySlice<UInt8> {
        guard let dot = encoded.lastIndex(of: UInt8(ascii: ".")), dot > 0, encoded.count - dot <= 11,
            encoded[(dot + 1)...].allSatisfy(isAlphanumeric)
        else { return [] }
        return encoded[dot...]
    }

    /// The offset of a folder name's last `.` when what follows it is a suffix the site gives
    /// files (`html`, `txt`, an image extension), else nil.
    private static func finalDotToEscape(_ name: String) -> Int? {
        let bytes = Array(name.utf8)
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")) else { return nil }
        let suffix = String(decoding: bytes[(dot + 1)...], as: UTF8.self).lowercased()
        return fileSuffixes.contains(suffix) ? dot : nil
    }

    /// Extensions of files the site writes under a skill's `files/` and `raw/` folders.
    private static let fileSuffixes: Set<String> = Set(["html", "txt"]).union(RawCopy.inertExtensions)

    private static func isSafe(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}
