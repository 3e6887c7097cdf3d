import Foundation
import SkillEx
import Synchronization

/// Rendered pieces of pages kept in `.skillex/site-fragments/` by fingerprint, for pages that
/// are rendered on most builds but whose largest part rarely changes: the home page is rendered
/// again whenever the event log grows, while its table of every skill only changes when a
/// skill's row does. A fragment is a pure function of its fingerprint (which covers the theme),
/// so one folder serves every output folder. Best effort: a lost or damaged file only means the
/// piece is rendered again. Rendering only reads the folder; what it renders anew waits in
/// memory until the publisher keeps it (`save`, through `SiteStateUpdate`).
struct FragmentCache: Sendable {
    /// The folder holding one file per fragment name: its fingerprint line, then its text.
    var folder: URL
    /// Files to write by fragment name.
    private let pending = PendingFiles()

    /// The cache kept in `folder`.
    init(folder: URL) { self.folder = folder }

    /// Writes the fragments rendered since the cache was made.
    func save() {
        let files = pending.take()
        guard !files.isEmpty,
            (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil
        else { return }
        for (name, file) in files {
            try? AtomicFile.write(file.data, to: folder.appendingPathComponent(name), durable: file.durable)
        }
    }

    /// The text of fragment `name` whose fingerprint is `key`: the kept one when its fingerprint
    /// matches, else `render()`'s, which is kept for the next build.
    func text(_ name: String, key: String, render: () -> String) -> String {
        let url = folder.appendingPathComponent(name)
        if let data = try? Data(contentsOf: url), let newline = data.firstIndex(of: UInt8(ascii: "\n")),
            data[data.startIndex..<newline].elementsEqual(key.utf8)
        {
            return String(decoding: data[(newline + 1)...], as: UTF8.self)
        }
        let text = render()
        pending.put(name, Data((key + "\n" + text).utf8), durable: true)
        return text
    }

    /// The texts of the pieces of fragment `name`, one per key of `keys`: each kept one whose
    /// fingerprint matches, else `render(index)`'s. The file keeps exactly this build's pieces
    /// (rewritten only when one was rendered), so editing one piece renders one piece.
    func texts(_ name: String, keys: [String], render: (Int) -> String) -> [String] {
        let url = folder.appendingPathComponent(name)
        let kept = (try? Data(contentsOf: url)).map(Self.pieces) ?? [:]
        var rendered = false
        let texts = keys.indices.map { index in
            if let text = kept[keys[index]] { return text }
            rendered = true
            return render(index)
        }
        if rendered || kept.count != Set(keys).count {
            var out = Data()
            for (key, text) in zip(keys, texts) {
                out.append(contentsOf: "\(key) \(text.utf8.count)\n".utf8)
                out.append(contentsOf: text.utf8)
            }
            pending.put(name, out, durable: false)
        }
        return texts
    }

    /// The pieces in a file of `key length\n` headers each followed by `length` bytes of text;
    /// reading stops at the first malformed header (later pieces are rendered again).
    static func pieces(_ data: Data) -> [String: String] {
        var pieces: [String: String] = [:]
        let bytes = [UInt8](data)
        var start = 0
        while start < bytes.count, let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")),
            let space = bytes[start..<newline].firstIndex(of: UInt8(ascii: " ")),
            let length = Int(String(decoding: bytes[(space + 1)..<newline], as: UTF8.self)),
            length >= 0, length <= bytes.count - newline - 1
        {
            let key = String(decoding: bytes[start..<space], as: UTF8.self)
            pieces[key] = String(decoding: bytes[(newline + 1)..<(newline + 1 + length)], as: UTF8.self)
            start = newline + 1 + length
        }
        return pieces
    }
}

/// Files waiting to be written, by name; the last one put under a name wins.
private final class PendingFiles: Sendable {
    private let files = Mutex<[String: (data: Data, durable: Bool)]>([:])

    func put(_ name: String, _ data: Data, durable: Bool) {
        files.withLock { $0[name] = (data, durable) }
    }

    func take() -> [String: (data: Data, durable: Bool)] {
        files.withLock { value in
            defer { value = [:] }
            return value
        }
    }
}
