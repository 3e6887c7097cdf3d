import Foundation

/// Which files of a skill are reachable from SKILL.md: named by it or by a Markdown file or
/// script it reaches (by file name, or by a folder path below `references/`, `scripts/` or
/// `assets/`), imported by a reached Python or JavaScript/TypeScript script, sourced by a
/// reached shell script, or named as a literal relative path in one.
///
/// Each text is scanned once (cycles end there), by bytes without regular expressions; a file
/// without text (binary, not UTF-8, over the size read) is reached but not followed. Given the
/// files a caller asks about, the walk stops once all of them are reached.
struct ReferenceGraph {
    /// Relative paths of the reached files.
    private(set) var reached: Set<String> = []

    /// File names that never need a mention: package markers, licence or readme files, the
    /// project files of a scripts folder (`pyproject.toml`, `uv.lock`, `package.json`… read by
    /// the tools that run the scripts) and tests of the scripts (`test_x.py`, `x_test.py`,
    /// `x.test.ts`, `conftest.py`), which the agent never runs.
    static func exempt(_ name: Substring) -> Bool {
        // An ASCII name (almost all) is compared by bytes, each byte one character.
        let ascii = name.utf8.allSatisfy { $0 < 0x80 }
        func starts(_ prefix: String) -> Bool { ascii ? name.utf8.starts(with: prefix.utf8) : name.hasPrefix(prefix) }
        func ends(_ suffix: String) -> Bool {
            ascii ? name.utf8.reversed().starts(with: suffix.utf8.reversed()) : name.hasSuffix(suffix)
        }
        return name == "__init__.py" || starts("LICENSE") || starts("LICENCE") || starts("README") || starts("license")
            || starts("readme") || projectFiles.contains(name) || (starts("test_") && ends(".py")) || ends("_test.py")
            || name == "conftest.py" || isTestName(name)
    }

    /// True when an inner dot-separated part of `name` is `test` or `spec` (`x.test.ts`).
    private static func isTestName(_ name: Substring) -> Bool {
        var dots = 0
        for byte in name.utf8 where byte == 0x2E { dots += 1 }
        guard dots >= 2 else { return false }
        return name.split(separator: ".", omittingEmptySubsequences: false).dropFirst().dropLast()
            .contains { $0 == "test" || $0 == "spec" }
    }

    /// Build and dependency files that tools read by their fixed names.
    private static let projectFiles: Set<Substring> = [
        "pyproject.toml", "uv.lock", "poetry.lock", "Pipfile", "Pipfile.lock", "setup.py", "setup.cfg",
        "requirements.txt", "requirements-dev.txt", "package.json", "package-lock.json", "pnpm-lock.yaml",
        "yarn.lock", "bun.lockb", "tsconfig.json", "Cargo.toml", "Cargo.lock", "go.mod", "go.sum",
    ]

    /// True for the agent-interface files read next to SKILL.md (`agents/openai.yaml` names the
    /// skill's icons): the walk starts from them too.
    static func isAgentInterface(_ path: String) -> Bool {
        path.hasPrefix("agents/") && (path.hasSuffix(".yaml") || path.hasSuffix(".yml"))
    }

    /// Extensions tried, in order, after a JavaScript/TypeScript import specifier.
    private static let scriptSuffixes = [
        "", ".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".json", "/index.js", "/index.ts", "/index.mjs",
    ]

    private let paths: Set<String>
    /// Files whose name is not one token (`my report.pdf`): found by a plain substring search.
    private let oddNames: [(name: String, path: String)]
    private let byName: [Substring: [String]]
    /// Folders below a top-level folder (`scripts/office`), each with the files under it.
    private let folders: [String: [String]]
    /// Paths without their extension (`scripts/fill_form` → `scripts/fill_form.py`): a script
    /// named without it is reached (and `script-missing-extension` asks for the full name).
    private let stems: [String: [String]]
    /// True when a file that must be reached has a name without `.` (`scripts/run`).
    private let hasPlainNames: Bool
    /// The last names of `folders`, so a plain word is resolved only when it could name one.
    private let folderNames: Set<Substring>
    /// UTF-8 lengths of the file names and of `folderNames`: most words match neither.
    private let nameLengths: LengthMask
    /// The file names as a sieve: a word that passes the length test is hashed before a string is made.
    private let nameSieve: NameSieve
    private let folderNameLengths: LengthMask

    /// Walks the skill in `skill` from SKILL.md; with `wanted`, only until every one of those
    /// paths is reached (`reached` then holds them and what was found on the way).
    init(_ skill: LintContext, until wanted: Set<String>? = nil) {
        var paths = Set<String>(minimumCapacity: skill.files.count)
        var byName: [Substring: [String]] = [:]
        var folders: [String: [String]] = [:]
        var stems: [String: [String]] = [:]
        var oddNames: [(name: String, path: String)] = []
        var hasPlainNames = false
        for file in skill.files {
            let path = file.relativePath
            paths.insert(path)
            let parts = path.split(separator: "/")
            if let name = parts.last {
                byName[name, default: []].append(path)
                if parts.count > 1, let dot = name.lastIndex(of: "."), dot != name.startIndex {
                    stems[String(path.dropLast(name.distance(from: dot, to: name.endIndex))), default: []].append(path)
                }
                if !PathTokens.isOneToken(name) { oddNames.append((String(name), path)) }
                if !hasPlainNames, !name.utf8.contains(0x2E), !Self.exempt(name),
                    UnreferencedFileRule.folders.contains(where: { path.hasPrefix($0) })
                {
                    hasPlainNames = true
                }
            }
            // Every ancestor folder at depth ≥ 2 (`scripts/office`, `scripts/office/lib`).
            var prefix = parts.first.map(String.init) ?? ""
            for part in parts.dropFirst().dropLast() {
                prefix += "/" + part
                folders[prefix, default: []].append(path)
            }
        }
        self.paths = paths
        self.byName = byName
        self.folders = folders
        self.stems = stems
        self.oddNames = oddNames
        self.hasPlainNames = hasPlainNames
        folderNames = Set(folders.keys.compactMap { $0.split(separator: "/").last.map { Substring(String($0)) } })
        nameLengths = LengthMask(byName.keys.map(\.utf8.count))
        nameSieve = NameSieve(byName.keys)
        folderNameLengths = LengthMask(folderNames.map(\.utf8.count))

        var queue: [(path: String, text: String)] = []
        if let text = skill.skillText { queue.append(("SKILL.md", text)) }
        var scanned: Set<String> = ["SKILL.md", "skill.md"]
        for path in skill.texts.keys.filter(Self.isAgentInterface).sorted() {
            queue.append((path, skill.texts[path] ?? ""))
            scanned.insert(path)
        }
        var missing = wanted?.count ?? -1
        var next = 0
        while next < queue.count, missing != 0 {
            let (path, text) = queue[next]
            next += 1
            for found in targets(of: path, text: text) where reached.insert(found).inserted {
                if wanted?.contains(found) == true { missing -= 1 }
                if !scanned.contains(found), let text = skill.texts[found] {
                    scanned.insert(found)
                    queue.append((found, text))
                }
            }
        }
    }

    /// The files `text` (the file at `path`) points to.
    private func targets(of path: String, text: String) -> [String] {
        let folder = path.split(separator: "/").dropLast().joined(separator: "/")
        let language = Language(path)
        var out: [String] = []
        var named: Set<String> = []  // folders already added: a tree named 100 times is listed once
        // Plain words matter only when a file name has no `.` or (in a subfolder) may name a folder.
        PathTokens.forEach(text, plain: hasPlainNames || (!folder.isEmpty && !folderNames.isEmpty)) { bytes, start, end in
            var from = start, to = end
            while to - from >= 2, bytes[from] == 0x2E, bytes[from + 1] == 0x2F { from += 2 }
            while to > from, bytes[to - 1] == 0x2F || bytes[to - 1] == 0x2E { to -= 1 }
            guard to > from else { return }
            // A file name anywhere: `guide.md`, `references/guide.md`, `"$DIR/lib.sh"`.
            var nameStart = to
            while nameStart > from, bytes[nameStart - 1] != 0x2F { nameStart -= 1 }
            if nameLengths.contains(to - nameStart), nameSieve.mayContain(bytes, nameStart, to),
                let found = byName[Substring(PathTokens.string(bytes, nameStart, to))]
            {
                out += found
            }
            // Only a path, or a word naming a folder, is resolved further.
            let isPath = nameStart > from
            guard isPath || (!folder.isEmpty && folderNameLengths.contains(to - from)) else { return }
            let word = PathTokens.string(bytes, from, to)
            guard isPath || folderNames.contains(Substring(word)) else { return }
            // A path from the skill root or from this file's folder: a folder, or (in a script) a file.
            let relative = bytes[start] == 0x2E && end - start >= 2
                && (bytes[start + 1] == 0x2F || (end - start >= 3 && bytes[start + 1] == 0x2E && bytes[start + 2] == 0x2F))
            for base in folder.isEmpty ? [""] : ["", folder] {
                guard let full = MissingLinkRule.normalize(base.isEmpty ? word : base + "/" + word) else { continue }
                if let under = folders[full], named.insert(full).inserted { out += under }
                if let named = stems[full] { out += named }
                if language == .script, relative {
                    out += Self.scriptSuffixes.map { full + $0 }.filter(paths.contains)
                } else if paths.contains(full) {
                    out.append(full)
                }
            }
        }
        for odd in oddNames where TextScan.contains(text, odd.name) { out.append(odd.path) }
        if language == .python {
            for module in Self.pythonImports(text) { out += resolve(module, from: folder) }
        }
        return out
    }

    /// The files a Python import of `module` (dotted, maybe relative) from a file in `folder`
    /// may load: `a/b.py` or `a/b/__init__.py`, and for `from a import c` also `a/c.py`.
    private func resolve(_ module: (name: Substring, names: [Substring]), from folder: String) -> [String] {
        var name = module.name
        var bases: [String]
        if name.hasPrefix(".") {
            var base = folder.split(separator: "/").map(String.init)
            name = name.dropFirst()
            while name.hasPrefix(".") {
                name = name.dropFirst()
                guard !base.isEmpty else { return [] }
                base.removeLast()
            }
            bases = [base.joined(separator: "/")]
        } else {
            // The script's own folder is on sys.path; vendored trees are often imported from an
            // ancestor or the skill root.
            var parts = folder.split(separator: "/").map(String.init)
            bases = []
            while true {
                bases.append(parts.joined(separator: "/"))
                guard !parts.isEmpty else { break }
                parts.removeLast()
            }
        }
        let relative = name.split(separator: ".").joined(separator: "/")
        var out: [String] = []
        for base in bases {
            let stem = [base, relative].filter { !$0.isEmpty }.joined(separator: "/")
            guard !stem.isEmpty else {
                for item in module.names { out += candidates(String(item)) }
                continue
            }
            out += candidates(stem)
            for item in module.names { out += candidates(stem + "/" + item) }
        }
        return out
    }

    /// `stem.py` and `stem/__init__.py` when present.
    private func candidates(_ stem: String) -> [String] {
        [stem + ".py", stem + "/__init__.py"].filter(paths.contains)
    }

    /// How a file's text is followed besides names and folders.
    private enum Language {
        case python, script, other
        init(_ path: String) {
            if path.hasSuffix(".py") {
                self = .python
            } else if [".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx"].contains(where: { path.hasSuffix($0) }) {
                self = .script
            } else {
                self = .other
            }
        }
    }

    /// The modules a Python text imports: `import a.b, c as d` gives `a.b` and `c`;
    /// `from .x import (y, z)` gives `.x` with names `y`, `z` (parenthesised lists may span lines).
    static func pythonImports(_ text: String) -> [(name: Substring, names: [Substring])] {
        var out: [(name: Substring, names: [Substring])] = []
        var open: (name: Substring, names: [Substring])?
        for raw in TextScan.lines(text) {
            let line = raw.drop(while: { $0 == " " || $0 == "\t" })
            if var pending = open {
                let body = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                pending.names += names(body)
                if body.contains(")") {
                    out.append(pending)
                    open = nil
                } else {
                    open = pending
                }
                continue
            }
            if line.hasPrefix("import ") {
                for part in line.dropFirst(7).split(separator: ",") {
                    if let module = part.split(separator: " ", omittingEmptySubsequences: true).first {
                        out.append((module, []))
                    }
                }
            } else if line.hasPrefix("from ") {
                let words = line.dropFirst(5).split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
                guard words.count == 3, words[1] == "import" else { continue }
                let rest = words[2].split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                let entry = (name: words[0], names: names(rest))
                if rest.contains("(") && !rest.contains(")") {
                    open = entry
                } else {
                    out.append(entry)
                }
            }
        }
        if let open { out.append(open) }
        return out
    }

    /// The imported names in `a, b as c, (d` (identifiers only).
    private static func names(_ list: Substring) -> [Substring] {
        list.split(whereSeparator: { $0 == "," || $0 == "(" || $0 == ")" }).compactMap { part in
            guard let word = part.split(separator: " ", omittingEmptySubsequences: true).first,
                word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
            else { return nil }
            return word
        }
    }
}
