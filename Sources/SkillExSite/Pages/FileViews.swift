import Foundation
import SkillEx

/// The escaped, coloured view of every text file of a skill, written beside the skill's page
/// (its extras, so they are kept and checked with it), and what the file tree and the findings
/// link to. A script or other text file is shown at `files/<path>.html` (the page `SkillLinks`
/// gives a linked file, with its `.txt` copy); a Markdown file a finding points into (SKILL.md
/// included), at `source/<path>.html` (its rendered page is the skill's page or its `files/`
/// page; a numbered source of every Markdown file would cost a fifth more pages). Binary
/// files and files over `SourcePage.maxBytes` get no view: the tree lists their size and SHA-256.
struct FileViews {
    /// One file as the tree shows it.
    struct Entry {
        var relative: String
        var size: Int64
        /// The view (or rendered page) to link to, relative to the skill's folder in the site.
        var href: String?
        /// The source view with line anchors, relative to the skill's folder, when there is one.
        var linesHref: String?
        /// SHA-256 of a file without a view.
        var sha256: String?
    }

    var entries: [Entry] = []
    var extras: [RenderedPage] = []

    /// The path of the view with line anchors of `relative`, inside the skill's site folder.
    static func sourcePath(of relative: String) -> String {
        SkillPage.isMarkdown(relative) ? "source/" + PathSegment.path(relative) + ".html" : SourcePage.path(of: relative)
    }

    /// Views of `skill`'s files; `written` are paths already among the page's extras (linked
    /// files' pages), `markdownSources` the Markdown files that get a source view.
    static func make(
        _ skill: SkillInput, context: SiteContext, written: Set<String>, markdownSources: Set<String>
    ) -> FileViews {
        var views = FileViews()
        guard case .success(let files) = skill.files else { return views }
        var done = written
        let folder = skill.folderPath + "/"
        for file in files {
            let relative = file.relativePath
            var entry = Entry(relative: relative, size: file.size)
            let isSkill = relative.lowercased() == "skill.md"
            if SkillPage.hasPage(relative) { entry.href = SkillPage.sitePath(of: relative) }
            if isSkill { entry.href = "index.html#body-heading" }
            let markdown = SkillPage.isMarkdown(relative)
            if markdown, !markdownSources.contains(relative) {
                views.entries.append(entry)
                continue
            }
            guard let data = try? Data(contentsOf: file.url) else {
                views.entries.append(entry)
                continue
            }
            guard !RawCopy.isInert(relative), let original = SourcePage.text(of: data) else {
                entry.sha256 = Digest.sha256Hex(data)
                views.entries.append(entry)
                continue
            }
            // Secrets masked and hidden characters shown, in the view and the raw copy (security);
            // one scan for secrets serves both (`SecretMask.shown` is the reveal of the masked text).
            let masked = SecretMask.maskSecrets(in: original)
            let text = HiddenText.reveal(masked, keepJoiners: true)
            let viewPath = sourcePath(of: relative)
            entry.linesHref = viewPath
            if !markdown { entry.href = viewPath }
            views.entries.append(entry)
            guard done.insert(folder + viewPath).inserted else { continue }
            let rawPath = markdown ? nil : folder + RawCopy.path(of: relative)
            let page = SourcePage.render(
                skill: skill, relative: relative, size: data.count, text: text, path: folder + viewPath, rawPath: rawPath,
                renderedPath: markdown ? folder + (isSkill ? "index.html" : SkillPage.sitePath(of: relative)) : nil,
                context: context)
            views.extras.append(RenderedPage(path: folder + viewPath, bytes: page))
            if let rawPath, done.insert(rawPath).inserted {
                views.extras.append(RenderedPage(path: rawPath, bytes: Data(masked.utf8)))
            }
        }
        return views
    }

    /// The link for line `line` of `relative` (relative to the skill's folder), when it has a view.
    func lineHref(_ relative: String, line: Int?) -> String? {
        guard let entry = entries.first(where: { $0.relative == relative }) else { return nil }
        guard let lines = entry.linesHref else { return entry.href }
        return line.map { lines + "#L\($0)" } ?? lines
    }
}
