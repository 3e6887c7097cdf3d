/// The lexical rules of one language family, enough to colour keywords, strings, comments,
/// numbers and a few names (keys, variables, attributes) at build time. Not a parser: a token
/// the rules misjudge is only coloured wrongly, never dropped, and everything stays escaped.
struct SyntaxRules: Sendable {
    /// The family's name, shown nowhere but used in tests and class names (`lang-python`).
    var name: String
    /// Words coloured as keywords (`hl-k`).
    var keywords: Set<String> = []
    /// Words coloured as literals or built-in types (`hl-n`, like numbers).
    var literals: Set<String> = []
    /// Prefixes that start a comment running to the end of the line (`#`, `//`).
    var lineComments: [String] = []
    /// A comment's opening and closing marks (`/*`, `*/`), if the family has them.
    var blockComment: (open: String, close: String)?
    /// Bytes that open and close a string (`"`, `'`, `` ` ``).
    var quotes: ByteSet = [UInt8(ascii: "\""), UInt8(ascii: "'")]
    /// Quotes whose strings may run over several lines (template literals, Go raw strings).
    var multilineQuotes: ByteSet = []
    /// Quotes that also open a tripled, multi-line string (`"""`).
    var tripleQuotes: ByteSet = []
    /// A `#` comment must start a line or follow a space (shell, YAML: `$#`, `a#b` are not comments).
    var hashNeedsSpace = false
    /// A name or string followed by `:` is a key (`hl-t`): JSON and YAML.
    var colonKeys = false
    /// `$NAME` and `${…}` are variables (`hl-t`): shell.
    var dollarVariables = false
    /// `@name` is an attribute or decorator (`hl-t`): Python, Swift, TypeScript.
    var atNames = false
    /// Characters besides letters, digits and `_` that may continue a name (`-` in YAML keys).
    var nameBytes: ByteSet = []

    /// The rules for a fenced block's info string or a file's extension (`py`, `bash`, `yml`);
    /// nil for a language without rules (shown as plain escaped text).
    static func named(_ name: String) -> SyntaxRules? {
        let key = name.lowercased()
        guard let family = aliases[key] else { return nil }
        return families[family]
    }

    /// The rules for a file at `relative` by its extension (or its name: `Dockerfile`, no rules).
    static func forFile(_ relative: String) -> SyntaxRules? {
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return named(String(name[name.index(after: dot)...]))
    }

    /// Info strings and extensions, by the family that colours them.
    static let aliases: [String: String] = {
        let table: [String: [String]] = [
            "python": ["py", "python", "python3", "py3", "pyi", "pyw", "gyp"],
            "shell": ["sh", "bash", "shell", "zsh", "ksh", "bats", "env"],
            "console": ["console", "shellsession", "terminal"],
            "javascript": ["js", "javascript", "jsx", "mjs", "cjs", "ts", "typescript", "tsx", "mts", "cts", "node"],
            "json": ["json", "jsonc", "json5", "jsonl", "ndjson", "geojson", "webmanifest"],
            "yaml": ["yaml", "yml"],
            "swift": ["swift"],
            "go": ["go", "golang"],
            "markdown": ["md", "markdown", "mdown", "mkd"],
        ]
        var out: [String: String] = [:]
        for (family, names) in table { for name in names { out[name] = family } }
        return out
    }()

    /// Every family's rules, by name.
    static let families: [String: SyntaxRules] = {
        var out: [String: SyntaxRules] = [:]
        for rules in SyntaxLanguages.all { out[rules.name] = rules }
        return out
    }()
}
