import Foundation
import Testing

@testable import SkillExSite

/// Build-time syntax highlighting (issue #19): each language family's tokens, escaping of
/// hostile code, spans that never cross lines, and fenced blocks of rendered Markdown.
@Suite("Syntax highlighting")
struct HighlightTests {
    private func html(_ code: String, _ language: String) -> String {
        Highlighter.html(code, rules: SyntaxRules.named(language))
    }

    /// The text of `html` with every tag removed and the five entities decoded.
    private func text(_ html: String) -> String {
        var out = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { out.append(character) }
        }
        return FencedCode.unescaped(out[...])
    }

    @Test("Python: keywords, strings, triple-quoted strings, comments, numbers, decorators")
    func python() {
        let out = html("@cache\ndef f(x):\n    \"\"\"Doc\n    string\"\"\"\n    return x + 42  # answer\n", "py")
        #expect(out.contains("<span class=\"hl-t\">@cache</span>"))
        #expect(out.contains("<span class=\"hl-k\">def</span> f(x):"))
        #expect(out.contains("<span class=\"hl-s\">&quot;&quot;&quot;Doc</span>\n<span class=\"hl-s\">    string&quot;&quot;&quot;</span>"))
        #expect(out.contains("<span class=\"hl-k\">return</span> x + <span class=\"hl-n\">42</span>"))
        #expect(out.contains("<span class=\"hl-c\"># answer</span>"))
        #expect(html("x1 = 2", "python").contains("x1 = <span class=\"hl-n\">2</span>"), "a digit inside a name is not a number")
    }

    @Test("shell: comments only after a space, variables, single quotes take backslashes as they are")
    func shell() {
        let out = html("if [ \"$#\" -gt 0 ]; then echo ${HOME}/a#b 'x\\' # done\nfi\n", "bash")
        #expect(out.contains("<span class=\"hl-k\">if</span>"))
        #expect(out.contains("<span class=\"hl-s\">&quot;$#&quot;</span>"))
        #expect(out.contains("<span class=\"hl-t\">${HOME}</span>/a#b"))
        #expect(out.contains("<span class=\"hl-s\">&#39;x\\&#39;</span>"))
        #expect(out.contains("<span class=\"hl-c\"># done</span>"))
        #expect(out.contains("<span class=\"hl-k\">fi</span>"))
    }

    @Test("console: commands after a $ prompt are coloured as shell, output is left as it is")
    func console() {
        let out = html("$ skillex score --approve a/b # go\n1 valid, 0 invalid\n", "console")
        #expect(out == "$ skillex score --approve a/b <span class=\"hl-c\"># go</span>\n1 valid, 0 invalid\n")
    }

    @Test("JavaScript and TypeScript: template literals over lines, block comments, keywords")
    func javascript() {
        let out = html("const s = `a\nb`; /* c */ // d\ninterface X { n: number }", "ts")
        #expect(out.contains("<span class=\"hl-k\">const</span>"))
        #expect(out.contains("<span class=\"hl-s\">`a</span>\n<span class=\"hl-s\">b`</span>"))
        #expect(out.contains("<span class=\"hl-c\">/* c */</span>"))
        #expect(out.contains("<span class=\"hl-c\">// d</span>"))
        #expect(out.contains("<span class=\"hl-k\">interface</span>"))
        #expect(out.contains("<span class=\"hl-n\">number</span>"))
        #expect(html("let x = 1", "javascript") == html("let x = 1", "mjs"))
    }

    @Test("JSON: keys, strings, numbers and literals")
    func json() {
        let out = html("{\"name\": \"pdf\", \"n\": -1.5e3, \"ok\": true, \"x\": null}", "json")
        #expect(out.contains("<span class=\"hl-t\">&quot;name&quot;</span>: <span class=\"hl-s\">&quot;pdf&quot;</span>"))
        #expect(out.contains("<span class=\"hl-n\">1.5e3</span>"))
        #expect(out.contains("<span class=\"hl-n\">true</span>") && out.contains("<span class=\"hl-n\">null</span>"))
    }

    @Test("YAML: keys at the start of a line or list item, comments, literals")
    func yaml() {
        let out = html("name: pdf # the name\nallowed-tools:\n  - run: yes\nurl: http://x#y\n", "yml")
        #expect(out.contains("<span class=\"hl-t\">name</span>: pdf <span class=\"hl-c\"># the name</span>"))
        #expect(out.contains("<span class=\"hl-t\">allowed-tools</span>:"))
        #expect(out.contains("- <span class=\"hl-t\">run</span>: <span class=\"hl-n\">yes</span>"))
        #expect(out.contains("http://x#y") && !out.contains("<span class=\"hl-c\">#y"), "a # inside a word is not a comment")
    }

    @Test("Swift: attributes, multi-line strings, keywords and types")
    func swift() {
        let out = html("@MainActor\nfunc f() -> String {\n    let s = \"\"\"\n    hi\n    \"\"\"\n    return s // ok\n}", "swift")
        #expect(out.contains("<span class=\"hl-t\">@MainActor</span>"))
        #expect(out.contains("<span class=\"hl-k\">func</span> f() -&gt; <span class=\"hl-n\">String</span>"))
        #expect(out.contains("<span class=\"hl-s\">    hi</span>"))
        #expect(out.contains("<span class=\"hl-c\">// ok</span>"))
    }

    @Test("Go: raw strings, runes, keywords and built-ins")
    func go() {
        let out = html("package main\nfunc main() { s := `raw\n`; r := 'x'; fmt.Println(len(s), r) }", "go")
        #expect(out.contains("<span class=\"hl-k\">package</span> main"))
        #expect(out.contains("<span class=\"hl-s\">`raw</span>\n<span class=\"hl-s\">`</span>"))
        #expect(out.contains("<span class=\"hl-s\">&#39;x&#39;</span>"))
        #expect(out.contains("<span class=\"hl-n\">len</span>"))
    }

    @Test("Markdown: headings, fences coloured by their language, inline code, list markers")
    func markdown() {
        let out = html("---\nname: x\n---\n# Title\n- item with `code`\n```python\nimport os\n```\n", "md")
        #expect(out.contains("<span class=\"hl-c\">---</span>"))
        #expect(out.contains("<span class=\"hl-k\"># Title</span>"))
        #expect(out.contains("<span class=\"hl-t\">-</span> item with <span class=\"hl-s\">`code`</span>"))
        #expect(out.contains("<span class=\"hl-s\">```python</span>\n<span class=\"hl-k\">import</span> os\n<span class=\"hl-s\">```</span>"))
        #expect(out.split(separator: "\n", omittingEmptySubsequences: false).count == 9, "one output line per input line")
    }

    @Test("hostile code stays escaped in every language, and its text comes back unchanged")
    func hostile() {
        let payload = "</code></pre><script>alert(1)</script><img src=x onerror='alert(2)'> \"q\" & &amp; `t` # c\n// </span>\n"
        for language in ["py", "sh", "console", "js", "json", "yaml", "swift", "go", "md", "unknown-language"] {
            let out = html(payload, language)
            #expect(!out.contains("<script") && !out.contains("<img") && !out.contains("</code>") && !out.contains("</pre>"),
                    "\(language): \(out)")
            #expect(!out.contains("'") && !out.contains("\" ") && !out.contains("& "), "\(language): a raw quote or ampersand")
            #expect(text(out) == payload, "\(language): the text changed")
            let spans = out.components(separatedBy: "<span class=\"hl-").count - 1
            #expect(spans == out.components(separatedBy: "</span>").count - 1, "\(language): unbalanced spans")
        }
    }

    @Test("no span crosses a line: every numbered line is balanced, and line anchors count from 1")
    func lines() {
        let source = "/* a\nb */ x = \"c\nd\"\n"
        let (html, count) = FileLines.html(source, rules: SyntaxRules.named("js"))
        #expect(count == 3)
        for line in html.split(separator: "\n") {
            #expect(line.components(separatedBy: "<span").count == line.components(separatedBy: "</span>").count, "\(line)")
        }
        #expect(html.hasPrefix("<a class=\"ln\" id=\"L1\" href=\"#L1\">1</a><span class=\"hl-c\">/* a</span>\n"))
        #expect(html.contains("<a class=\"ln\" id=\"L3\" href=\"#L3\">3</a>"))
        #expect(FileLines.html("", rules: nil).count == 1)
    }

    @Test("a CRLF file numbers every line and shows no carriage return; a lone \\r stays")
    func crlfLines() {
        let (html, count) = FileLines.html("a = 1\r\nb = 2\r\n", rules: SyntaxRules.named("py"))
        #expect(count == 2)
        #expect(!html.utf8.contains(0x0D))
        #expect(html.contains("<a class=\"ln\" id=\"L2\" href=\"#L2\">2</a>b = <span class=\"hl-n\">2</span>\n"))
        #expect(FileLines.withoutCarriageReturns("x\ry\r\nz\r") == "x\ry\nz\r")
    }

    @Test("cmark's entities are read back byte for byte, a combining mark after one included")
    func unescapedEntities() {
        #expect(FencedCode.unescaped("a &amp;&lt;b&gt; &quot;c&quot; &#39;d&#39; &copy; &"[...]) == "a &<b> \"c\" 'd' &copy; &")
        #expect(FencedCode.unescaped("&amp;\u{301}x"[...]) == "&\u{301}x")
        #expect(FencedCode.unescaped("no entity"[...]) == "no entity")
        let (html, _) = SiteContext.markdown("```sh\necho '&\u{301}' \"<x>\"\n```\n")
        #expect(html.contains("<span class=\"hl-s\">&#39;&amp;\u{301}&#39;</span>"), "\(html)")
    }

    @Test("fenced blocks of rendered Markdown are coloured; unknown languages and other HTML are untouched")
    func fenced() {
        let (html, _) = SiteContext.markdown("Text `x`\n\n```python\nif a < b: print(\"<b>\")\n```\n\n```nolang\n<i>\n```\n")
        #expect(html.contains("<pre><code class=\"language-python\"><span class=\"hl-k\">if</span> a &lt; b: "
            + "<span class=\"hl-n\">print</span>(<span class=\"hl-s\">&quot;&lt;b&gt;&quot;</span>)\n</code></pre>"))
        #expect(html.contains("<pre><code class=\"language-nolang\">&lt;i&gt;\n</code></pre>"))
        #expect(html.contains("<p>Text <code>x</code></p>"))
    }

    @Test("languages are found by fence name and file extension")
    func lookup() {
        #expect(SyntaxRules.named("Python")?.name == "python")
        #expect(SyntaxRules.named("console")?.name == "console" && SyntaxRules.named("zsh")?.name == "shell")
        #expect(SyntaxRules.named("tsx")?.name == "javascript")
        #expect(SyntaxRules.forFile("scripts/run.sh")?.name == "shell")
        #expect(SyntaxRules.forFile("a/b.yml")?.name == "yaml")
        #expect(SyntaxRules.forFile("Makefile") == nil && SyntaxRules.forFile(".env")?.name == nil)
        #expect(SyntaxRules.forFile("x.go")?.name == "go" && SyntaxRules.forFile("p.swift")?.name == "swift")
    }
}
