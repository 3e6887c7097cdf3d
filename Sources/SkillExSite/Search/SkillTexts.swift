import Foundation
import SkillEx
import SkillExMarkdown

/// Each skill's Markdown (SKILL.md first, then its other `.md` files) as plain text, kept in
/// `.skillex/site-search-text.tsv` by skill fingerprint so a rebuild after one edit reads only
/// the edited skill's files. One line per skill: fingerprint, tab, text (which has no tab or
/// newline: plain text folds whitespace). The file is read on the first lookup and written by
/// the publisher with the rest of the site's state (`SiteStateUpdate`), never while rendering.
final class SkillTexts: @unchecked Sendable {
    private let url: URL
    private var loaded = false
    private var cached: [String: String] = [:]
    private var used: [String: String] = [:]
    private var misses = 0
    private let lock = NSLock()

    /// Largest Markdown file read, in bytes (larger ones are skipped).
    static let maxFileBytes = 256 * 1024

    init(stateFolder: URL) {
        url = stateFolder.appendingPathComponent("site-search-text.tsv")
    }

    /// Reads the cache file once; call with the lock held.
    private func loadIfNeeded() {
        guard !loaded else { return }
        loaded = true
        guard let data = try? Data(contentsOf: url) else { return }
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: true) {
            guard let tab = line.firstIndex(of: 0x09) else { continue }
            cached[String(decoding: line[line.startIndex..<tab], as: UTF8.self)] =
                String(decoding: line[(tab + 1)...], as: UTF8.self)
        }
    }

    /// The skill's text, from the cache when its fingerprint is there.
    func text(of skill: SkillInput) -> String {
        lock.lock()
        loadIfNeeded()
        if let hit = cached[skill.fingerprint] {
            used[skill.fingerprint] = hit
            lock.unlock()
            return hit
        }
        lock.unlock()
        let text = Self.read(skill)
        lock.lock()
        used[skill.fingerprint] = text
        misses += 1
        lock.unlock()
        return text
    }

    /// Writes the texts used this build when the index was built and any text was read afresh
    /// or any cached one went unused.
    func save() {
        lock.lock()
        defer { lock.unlock() }
        guard loaded, misses > 0 || used.count != cached.count else { return }
        var out = Data()
        for key in used.keys.sorted() { out.append(Data("\(key)\t\(used[key] ?? "")\n".utf8)) }
        try? AtomicFile.write(out, to: url, durable: false)
    }

    /// Reads and flattens the skill's Markdown files.
    static func read(_ skill: SkillInput) -> String {
        guard case .success(let files) = skill.files else { return "" }
        let markdown = files.filter { $0.relativePath.lowercased().hasSuffix(".md") && $0.size <= maxFileBytes }
            .sorted { ($0.relativePath != "SKILL.md" ? 1 : 0, $0.relativePath) < ($1.relativePath != "SKILL.md" ? 1 : 0, $1.relativePath) }
        var parts: [String] = []
        for file in markdown {
            guard let data = try? Data(contentsOf: file.url) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            parts.append(PlainText.fromMarkdown(FrontMatter.split(text).body))
        }
        // Secrets masked and hidden characters shown, as on the skill's page (security).
        return SecretMask.shown(parts.joined(separator: " "))
    }
}
