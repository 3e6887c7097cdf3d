import Foundation

/// Everything the lint rules read about one skill, loaded once.
struct LintContext: Sendable {
    /// The skill folder.
    var folder: URL
    /// `folder.path`, worked out once.
    var folderPath: String
    /// Its regular files, in checksum order.
    var files: [SkillFile]
    /// The spec validator's verdict.
    var validation: SkillValidation
    /// SKILL.md's text (LF line ends), when readable.
    var skillText: String?
    /// SKILL.md's text as the file holds it, when readable (the security rules read it too).
    var skillRaw: String?
    /// Lines of SKILL.md before the body (front matter), to turn body lines into file lines.
    var bodyLineOffset: Int
    /// Text files under `scripts/`, Markdown files other than SKILL.md and source files
    /// (`followsText`), by relative path.
    var texts: [String: String]
    /// The manifest's scoring settings.
    var settings: ScoringSettings
    /// Token estimates of the description, body and sections.
    var tokens: TokenReport
    /// SKILL.md's Markdown split once into its shell code blocks (`ShellSource.shellLanguages`)
    /// and the prose lines that may hold a link or inline code (contain `](` or a backtick); line numbers are SKILL.md's (the
    /// body when the front matter parsed, else the whole file).
    var markdown: (code: [MarkdownLines.CodeBlock], prose: [(line: Int, text: Substring)])
    /// The links of `markdown.prose`, found once for the rules that check them.
    var links: [MarkdownLines.Link]

    /// The parsed document's body ("" when SKILL.md could not be parsed).
    var body: String { validation.document?.body ?? "" }
    /// The description ("" when absent).
    var description: String { validation.document?.description ?? "" }

    /// True for the files whose text `load` reads: SKILL.md, and up to 1 MiB scripts/, Markdown
    /// and source files anywhere (their imports are followed by `ReferenceGraph`).
    @Sendable static func readsText(_ file: SkillFile) -> Bool {
        let path = file.relativePath
        return path == "SKILL.md" || path == "skill.md" || (file.size <= 1 << 20 && followsText(path))
    }

    /// Extensions of source files read outside scripts/.
    private static let sourceSuffixes = [".py", ".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".sh", ".bash"]

    /// True for the paths whose text the rules read (besides SKILL.md): scripts, Markdown,
    /// sources, XML schemas (which import each other by file name) and agent-interface files.
    static func followsText(_ path: String) -> Bool {
        path.hasPrefix("scripts/") || path.hasSuffix(".md") || sourceSuffixes.contains(where: { path.hasSuffix($0) })
            || path.hasSuffix(".xsd") || ReferenceGraph.isAgentInterface(path)
    }

    /// Loads `folder`'s files and texts and validates it; `contents` holds bytes already read
    /// (by relative path), other files are read here.
    static func load(
        folder: URL, files: [SkillFile], settings: ScoringSettings, validator: SpecValidator,
        contents: [String: [UInt8]] = [:]
    ) -> LintContext {
        func text(_ file: SkillFile) -> String? {
            if let bytes = contents[file.relativePath] { return decode(bytes) }
            return readText(file.path, size: file.size)
        }
        let folderPath = folder.path
        let skillFile = files.first { $0.relativePath == "SKILL.md" || $0.relativePath == "skill.md" }
        let raw = skillFile.flatMap { text($0) }
        // One read serves both: validate the text already read when the file is SKILL.md.
        let validation: SkillValidation
        if let raw, skillFile?.relativePath == SkillSpec.fileName {
            var result = validator.validate(
                text: raw, file: folderPath + "/" + SkillSpec.fileName,
                folderName: folderPath.split(separator: "/").last.map(String.init) ?? folder.lastPathComponent)
            result.path = folderPath
            validation = result
        } else {
            validation = validator.validate(folder: folder)
        }
        var skillText = raw
        if let text = skillText, ByteSearch.contains(text, 13) {
            skillText = text.replacingOccurrences(of: "\r\n", with: "\n")
        }
        var offset = 0
        if let text = skillText, let body = validation.document?.body, !body.isEmpty, text.hasSuffix(body) {
            offset = text.utf8.prefix(text.utf8.count - body.utf8.count).reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        }
        var texts: [String: String] = [:]
        for file in files where file.relativePath != skillFile?.relativePath && file.size <= 1 << 20 {
            let path = file.relativePath
            guard followsText(path) else { continue }
            if let text = text(file) { texts[path] = text }
        }
        let markdown = split(
            validation.document == nil ? skillText ?? "" : validation.document?.body ?? "",
            offset: validation.document == nil ? 0 : offset)
        return LintContext(
            folder: folder, folderPath: folderPath, files: files, validation: validation, skillText: skillText,
            skillRaw: raw, bodyLineOffset: offset, texts: texts, settings: settings,
            tokens: TokenReport.measure(
                description: validation.document?.description ?? "", body: validation.document?.body ?? ""),
            markdown: markdown, links: MarkdownLines.links(in: markdown.prose))
    }

    /// `MarkdownLines.split` with every line number moved down by `offset`.
    private static func split(_ text: String, offset: Int) -> (code: [MarkdownLines.CodeBlock], prose: [(line: Int, text: Substring)]) {
        var parts = MarkdownLines.split(text, prose: .linkOrCodeCandidates, languages: ShellSource.shellLanguages)
        guard offset != 0 else { return parts }
        for index in parts.code.indices { parts.code[index].startLine += offset }
        parts.prose = parts.prose.map { ($0.line + offset, $0.text) }
        return parts
    }

    /// The file's text when it is valid UTF-8 without NUL bytes.
    private static func readText(_ path: String, size: Int64) -> String? {
        guard let bytes = try? FileBytes.readAll(path: path, expected: Int(clamping: size)) else { return nil }
        return decode(bytes)
    }

    /// Every text read, as the files hold them, by relative path: SKILL.md and `texts`.
    var decodedTexts: [String: String] {
        guard let raw = skillRaw, let file = files.first(where: { $0.relativePath == "SKILL.md" || $0.relativePath == "skill.md" })
        else { return texts }
        var out = texts
        out[file.relativePath] = raw
        return out
    }

    /// `bytes` as text when they are valid UTF-8 without NUL bytes.
    private static func decode(_ bytes: [UInt8]) -> String? {
        let binary = bytes.withUnsafeBytes { raw in
            raw.baseAddress.map { memchr($0, 0, raw.count) != nil } ?? false
        }
        guard !binary else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }
}
