/// The language families the highlighter knows, as data.
enum SyntaxLanguages {
    static let all: [SyntaxRules] = [python, shell, javascript, json, yaml, swift, go, markdown, console]

    private static func words(_ text: String) -> Set<String> {
        Set(text.split(separator: " ").map(String.init))
    }

    private static let dq = UInt8(ascii: "\"")
    private static let sq = UInt8(ascii: "'")
    private static let bq = UInt8(ascii: "`")

    static let python = SyntaxRules(
        name: "python",
        keywords: words("""
            and as assert async await break class continue def del elif else except finally for from global \
            if import in is lambda nonlocal not or pass raise return try while with yield match case
            """),
        literals: words("True False None self cls int str float bool list dict set tuple bytes print len range"),
        lineComments: ["#"], tripleQuotes: [dq, sq], atNames: true)

    static let shell = SyntaxRules(
        name: "shell",
        keywords: words("""
            if then else elif fi for while until do done case esac in function return exit local export \
            readonly declare set unset shift source trap break continue select time
            """),
        literals: words("true false echo printf cd test read eval exec"),
        lineComments: ["#"], quotes: [dq, sq, bq], multilineQuotes: [dq, sq, bq], hashNeedsSpace: true,
        dollarVariables: true)

    static let javascript = SyntaxRules(
        name: "javascript",
        keywords: words("""
            async await break case catch class const continue debugger default delete do else export extends \
            finally for from function if import in instanceof let new of return static super switch this throw \
            try typeof var void while with yield interface type enum implements private protected public \
            readonly declare namespace abstract as satisfies keyof
            """),
        literals: words("true false null undefined NaN Infinity string number boolean any unknown never object"),
        lineComments: ["//"], blockComment: ("/*", "*/"), quotes: [dq, sq, bq], multilineQuotes: [bq], atNames: true)

    static let json = SyntaxRules(
        name: "json", literals: words("true false null"), lineComments: ["//"], blockComment: ("/*", "*/"),
        quotes: [dq], colonKeys: true)

    static let yaml = SyntaxRules(
        name: "yaml", literals: words("true false null yes no on off True False Null ~"),
        lineComments: ["#"], hashNeedsSpace: true, colonKeys: true, nameBytes: [UInt8(ascii: "-"), UInt8(ascii: ".")])

    static let swift = SyntaxRules(
        name: "swift",
        keywords: words("""
            associatedtype actor async await break case catch class continue default defer deinit do else enum \
            extension fallthrough fileprivate for func guard if import in init inout internal is let nonisolated \
            open operator private protocol public repeat rethrows return some any static struct subscript super \
            switch throw throws try typealias var where while consuming borrowing package
            """),
        literals: words("true false nil self Self String Int Double Bool Array Dictionary Set Optional Void"),
        lineComments: ["//"], blockComment: ("/*", "*/"), quotes: [dq], tripleQuotes: [dq], atNames: true)

    static let go = SyntaxRules(
        name: "go",
        keywords: words("""
            break case chan const continue default defer else fallthrough for func go goto if import interface \
            map package range return select struct switch type var
            """),
        literals: words("""
            true false nil iota string int int64 int32 uint uint64 byte rune bool error float64 float32 any \
            make new len cap append panic recover
            """),
        lineComments: ["//"], blockComment: ("/*", "*/"), quotes: [dq, sq, bq], multilineQuotes: [bq])

    /// A terminal session: only the commands after a `$ ` prompt are coloured, as shell; the
    /// output is shown as it is (`ConsoleColours`).
    static let console = SyntaxRules(name: "console", quotes: [])

    /// Markdown is coloured line by line (`MarkdownColours`), not by these rules.
    static let markdown = SyntaxRules(name: "markdown", quotes: [])
}
