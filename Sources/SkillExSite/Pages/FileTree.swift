/// The skill's files as a nested list of folders (HTML built here, every name escaped): each
/// file links to its view or rendered page, with its size, a link to its numbered source when
/// that is a separate page, and the SHA-256 of a file shown nowhere else (binary or too large).
enum FileTree {
    static func html(_ entries: [FileViews.Entry]) -> String {
        var out = "<ul class=\"tree\">\n"
        var open: [Substring] = []
        let sorted = entries.sorted { $0.relative.split(separator: "/").lexicographicallyPrecedes($1.relative.split(separator: "/")) }
        for entry in sorted {
            let parts = entry.relative.split(separator: "/")
            let folders = Array(parts.dropLast())
            var common = 0
            while common < open.count, common < folders.count, open[common] == folders[common] { common += 1 }
            while open.count > common {
                out += "</ul></li>\n"
                open.removeLast()
            }
            for folder in folders[common...] {
                out += "<li class=\"dir\"><span class=\"dir-name\">" + HTMLBytes.escaped(String(folder)) + "/</span>\n<ul>\n"
                open.append(folder)
            }
            out += row(entry, name: String(parts.last ?? ""))
        }
        out += String(repeating: "</ul></li>\n", count: open.count)
        return out + "</ul>\n"
    }

    private static func row(_ entry: FileViews.Entry, name: String) -> String {
        let label = HTMLBytes.escaped(name)
        var out = "<li class=\"file\">"
        if let href = entry.href {
            out += "<a href=\"" + HTMLBytes.escaped(href) + "\">" + label + "</a>"
        } else {
            out += "<span>" + label + "</span>"
        }
        out += " <span class=\"muted\">" + Formatting.size(entry.size) + "</span>"
        if let lines = entry.linesHref, lines != entry.href {
            out += " <a class=\"source-link\" href=\"" + HTMLBytes.escaped(lines) + "\">source</a>"
        }
        if let sha = entry.sha256 {
            out += " <span class=\"muted\">SHA-256</span> <code class=\"hash\">" + sha + "</code>"
        }
        return out + "</li>\n"
    }
}
