import Foundation
import SkillEx

/// Rendered pieces of pages kept in `.skillex/site-fragments/` by fingerprint, for pages that
/// are rendered on most builds but whose largest part rarely changes: the home page is rendered
/// again whenever the event log grows, while its table of every skill only changes when a
/// skill's row does. A fragment is a pure function of its fingerprint (which covers the theme),
/// so one folder serves every output folder. Best effort: a lost or damaged file only means the
/// piece is rendered again.
struct FragmentCache: Sendable {
    /// The folder holding one file per fragment name: its fingerprint line, then its text.
    var folder: URL

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
        if (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil {
            try? AtomicFile.write(Data((key + "\n" + text).utf8), to: url)
        }
        return text
    }
}
