import Foundation

/// Live reload for `skillex serve`, added to HTML *answers* only: the site folder never holds
/// it, so a page of `public/` can never poll a preview server.
public enum LiveReload {
    /// The server's own paths (no page of a site is under `/__skillex/`).
    static let versionPath = "/__skillex/version"
    /// Where the script is served.
    static let scriptPath = "/__skillex/live-reload.js"

    /// The tag put before `</body>`: a same-origin script, so the site's policy allows it.
    static let tag = Array("<script src=\"\(scriptPath)\"></script>\n".utf8)

    /// Polls the build number and reloads the page when it changes.
    static let script = Data(
        """
        // skillex serve: reloads the page when the preview's build number changes.
        (function () {
          "use strict";
          var seen = null;
          function poll() {
            fetch("\(versionPath)", { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (v) {
              if (seen !== null && v !== seen) { window.location.reload(); }
              seen = v;
            }).catch(function () {}).finally(function () { setTimeout(poll, 300); });
          }
          poll();
        })();

        """.utf8)

    /// `page` with the script tag before its last `</body>` (any case), or at its end.
    static func inject(into page: [UInt8]) -> [UInt8] {
        let close = Array("</body".utf8)
        var index = page.count - close.count
        while index >= 0 {
            if page[index] == 60, zip(page[index...].prefix(close.count), close).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) {
                return Array(page[..<index]) + tag + page[index...]
            }
            index -= 1
        }
        return page + tag
    }

    /// True when the HTML page at `path` (a `.html` file) carries live-reload code.
    static func isIn(fileAt path: String) -> Bool {
        guard path.hasSuffix(".html"), let data = FileManager.default.contents(atPath: path) else { return false }
        return isIn(data)
    }

    /// True when an HTML page carries live-reload code: a `<script` tag whose source is a
    /// live-reload script or one of the preview server's paths. Markdown text cannot produce
    /// this (its `<` is escaped), so only a preview build or an edit by hand leaves it.
    public static func isIn(_ page: [UInt8]) -> Bool {
        isIn(Data(page))
    }

    /// The search: Foundation's `range(of:)` for each name (most pages have neither), then, at
    /// each hit, whether it sits inside a `<script` tag: the last `<` before it, with no `>`
    /// between and at most 1 KiB back, opens one.
    static func isIn(_ page: Data) -> Bool {
        let open = Array("<script".utf8)
        for name in [Data("live-reload.js".utf8), Data("__skillex/".utf8)] {
            var from = page.startIndex
            while let hit = page.range(of: name, in: from..<page.endIndex) {
                var index = hit.lowerBound - 1
                while index >= page.startIndex, hit.lowerBound - index <= 1024, page[index] != 60, page[index] != 62 {
                    index -= 1
                }
                if index >= page.startIndex, page[index] == 60, index + open.count <= hit.lowerBound,
                    zip(page[index..<index + open.count], open).allSatisfy({ $0 | 0x20 == $1 | 0x20 })
                {
                    return true
                }
                from = hit.lowerBound + 1
            }
        }
        return false
    }
}
