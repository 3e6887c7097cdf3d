/// Checks every entry of an archive before anything is extracted, so no entry can escape the
/// target folder, plant a link, or collide with another on a case-insensitive file system.
public enum ArchiveSafety {
    /// Throws for the first unsafe entry: `..`, absolute or drive paths, backslashes, control
    /// and bidirectional characters, symlinks or other non-file types, encryption, duplicate names (ignoring case),
    /// and a file that is also used as a folder.
    public static func check(_ entries: [ZipEntryInfo]) throws(ZipError) {
        var seen: [String: String] = [:]
        var folders = Set<String>()
        var files = Set<String>()
        for entry in entries {
            try checkName(entry.name)
            if entry.isSymlink { throw .unsafe(entry: entry.name, reason: "symbolic link") }
            if let mode = entry.unixMode, mode & 0o170000 != 0,
                ![0o100000, 0o040000].contains(mode & 0o170000)
            {
                throw .unsafe(entry: entry.name, reason: "not a regular file or folder")
            }
            if entry.flags & 0x0001 != 0 { throw .unsupported(entry: entry.name, reason: "encrypted") }
            let trimmed = entry.isDirectory ? String(entry.name.dropLast()) : entry.name
            let folded = trimmed.lowercased()
            // Dictionary keys compare by canonical equivalence: NFC/NFD twins meet here too.
            if let other = seen[folded] {
                let same = other.unicodeScalars.elementsEqual(trimmed.unicodeScalars)
                if same && entry.isDirectory { continue }
                throw .unsafe(
                    entry: entry.name,
                    reason: same
                        ? "duplicate entry"
                        : other.lowercased().unicodeScalars.elementsEqual(folded.unicodeScalars)
                            ? "differs only in case from \(other)"
                            : "differs only in case or Unicode normalisation from \(other)")
            }
            seen[folded] = trimmed
            let parts = folded.split(separator: "/")
            for depth in 1..<max(parts.count, 1) {
                folders.insert(parts.prefix(depth).joined(separator: "/"))
            }
            if entry.isDirectory { folders.insert(folded) } else { files.insert(folded) }
        }
        if let clash = files.intersection(folders).sorted().first {
            throw .unsafe(entry: clash, reason: "used both as a file and as a folder")
        }
    }

    /// `name` with control and bidirectional characters written as `\u{…}`, so an error line
    /// shows the name as it is rather than as it would display.
    static func visible(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            if SkillFiles.isRefused(scalar) && scalar != "\\" {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Throws when `name` is not a relative, plain `/`-separated path without control or
    /// bidirectional characters (U+202E makes `invoice\u{202E}dm.exe` display as `invoiceexe.md`).
    public static func checkName(_ name: String) throws(ZipError) {
        if name.isEmpty { throw .unsafe(entry: "(empty name)", reason: "empty name") }
        if name.hasPrefix("/") { throw .unsafe(entry: name, reason: "absolute path") }
        if name.contains("\\") { throw .unsafe(entry: name, reason: "backslash in path") }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw .unsafe(entry: visible(name), reason: "control character in name")
        }
        if let scalar = name.unicodeScalars.first(where: { $0.value >= 0x80 && SkillFiles.isRefused($0) }) {
            let code = String(scalar.value, radix: 16, uppercase: true)
            throw .unsafe(entry: visible(name), reason: "bidirectional control U+\(code) in name")
        }
        let body = name.hasSuffix("/") ? String(name.dropLast()) : name
        let parts = body.split(separator: "/", omittingEmptySubsequences: false)
        if let first = parts.first, first.count == 2, first.hasSuffix(":") {
            throw .unsafe(entry: name, reason: "drive-letter path")
        }
        for part in parts {
            if part == ".." { throw .unsafe(entry: name, reason: "'..' leads outside the target") }
            if part.isEmpty || part == "." { throw .unsafe(entry: name, reason: "empty or '.' path component") }
        }
    }
}
