import Foundation

/// What the security rules found in one skill.
public struct SecurityScanResult: Sendable, Equatable {
    /// Every hit, in file and line order.
    public var hits: [SecurityHit]
    /// Files not read, with the reason.
    public var skipped: [SkippedFile]
    /// How many files were read.
    public var scanned: Int
    /// The raw secret values found: only ever used to mask them in other messages.
    var secrets: [String]
}

/// Runs every security rule over a skill's files, within bounded time and memory: each file is
/// read only up to `maxFileBytes`, the skill only up to `maxSkillBytes` in all; binary files,
/// archives and text that is not UTF-8 are skipped with a note.
public enum SecurityScan {
    /// Largest file read (larger ones are skipped with a note).
    public static let maxFileBytes: Int64 = 1 << 20
    /// Most bytes read from one skill (files past it are skipped with a note).
    public static let maxSkillBytes: Int64 = 16 << 20

    /// Media and fonts: never text, skipped without a note.
    static let mediaSuffixes: Set<String> = [
        "png", "jpg", "jpeg", "gif", "webp", "ico", "bmp", "avif", "tiff", "woff", "woff2", "ttf", "otf", "eot",
        "mp3", "mp4", "mov", "wav", "ogg", "webm", "pdf",
    ]
    /// Archives and compiled files: not unpacked, skipped with a note.
    static let archiveSuffixes: Set<String> = [
        "zip", "gz", "tgz", "bz2", "xz", "7z", "tar", "jar", "whl", "rar", "zst", "pyc", "so", "dylib", "dll", "exe",
        "class", "wasm", "bin", "sqlite", "db",
    ]

    /// The files to read and the ones skipped before reading, in `files` order.
    public static func plan(_ files: [SkillFile]) -> (read: Set<String>, skipped: [SkippedFile]) {
        var read = Set<String>(), skipped: [SkippedFile] = [], budget = maxSkillBytes
        for file in files {
            let path = file.relativePath
            let suffix = Self.suffix(path)
            if mediaSuffixes.contains(suffix) { continue }
            if archiveSuffixes.contains(suffix) {
                skipped.append(SkippedFile(file: path, reason: "archive or compiled file (not unpacked)"))
            } else if file.size > maxFileBytes {
                skipped.append(SkippedFile(file: path, reason: "over \(maxFileBytes) bytes"))
            } else if file.size > budget {
                skipped.append(SkippedFile(file: path, reason: "the skill's scan budget of \(maxSkillBytes) bytes is spent"))
            } else {
                budget -= file.size
                read.insert(path)
            }
        }
        return (read, skipped)
    }

    /// The lower-cased extension of the file name ending `path`: its last non-empty `.`-part,
    /// or "" without a `.` (`a/B.TAR.GZ` → `gz`, `.env` → `env`, `notes.` → `notes`).
    static func suffix(_ path: String) -> String {
        var copy = path
        return copy.withUTF8 { bytes in
            var nameStart = bytes.count
            while nameStart > 0, bytes[nameStart - 1] != 0x2F { nameStart -= 1 }
            var end = bytes.count
            while end > nameStart, bytes[end - 1] == 0x2E { end -= 1 }
            guard end < bytes.count || bytes[nameStart..<end].contains(0x2E) else { return "" }
            var start = end
            while start > nameStart, bytes[start - 1] != 0x2E { start -= 1 }
            return String(decoding: bytes[start..<end].map(TextScan.asciiLower), as: UTF8.self)
        }
    }

    /// True when `bytes` hold a NUL byte (one `memchr`).
    static func holdsNUL(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0, raw.count) != nil } ?? false }
    }

    /// Scans the bytes of the planned files (`contents`, by relative path) and the front
    /// matter's `name` and `description`. `decoded` holds texts already decoded from those
    /// bytes (valid UTF-8 without NUL bytes), which are not decoded again.
    public static func scan(
        contents: [String: [UInt8]], planned: (read: Set<String>, skipped: [SkippedFile]),
        name: String, description: String, decoded: [String: String] = [:]
    ) -> SecurityScanResult {
        var hits: [SecurityHit] = [], secrets: [String] = [], skipped = planned.skipped, scanned = 0
        var skillText: ScannedText?
        for path in planned.read.sorted() {
            guard let bytes = contents[path] else { continue }
            let text: String
            if let known = decoded[path] {
                text = known
            } else {
                guard !Self.holdsNUL(bytes) else {
                    skipped.append(SkippedFile(file: path, reason: "binary (holds NUL bytes)"))
                    continue
                }
                guard let valid = String(validating: bytes, as: UTF8.self) else {
                    skipped.append(SkippedFile(file: path, reason: "not valid UTF-8"))
                    continue
                }
                text = valid
            }
            scanned += 1
            let file = ScannedText(path: path, text: text)
            if path == "SKILL.md" || path == "skill.md" { skillText = file }
            hits += HiddenCharacterScan.hits(file)
            hits += HiddenMarkupScan.hits(file)
            let found = SecretScan.hits(file)
            hits += found.hits
            secrets += found.values
            hits += ExfiltrationScan.hits(file)
            hits += InjectionScan.hits(file)
        }
        hits += HomoglyphScan.hits(name: name, description: description, skillText: skillText)
        hits = hits.map { hit in
            var masked = hit
            masked.message = SecretMask.redact(hit.message, secrets)
            return masked
        }
        hits.sort { ($0.file, $0.line ?? 0, $0.rule) < ($1.file, $1.line ?? 0, $1.rule) }
        skipped.sort { $0.file < $1.file }
        return SecurityScanResult(hits: hits, skipped: skipped, scanned: scanned, secrets: secrets)
    }
}
