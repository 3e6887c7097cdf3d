import Foundation
import Testing
@testable import SkillEx

@Suite("Shell rules read shell, not prose")
struct ShellRuleTests {
    /// The `shell-*` findings on a skill made of `files`, as `rule@file:line`.
    private func shell(_ files: [String: String]) throws -> [String] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("shell-\(UUID().uuidString)/demo")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let context = LintContext.load(folder: root, files: try SkillFiles.list(root), settings: ScoringSettings(), validator: SpecValidator())
        return LintRuleSet.standard.findings(context, settings: ScoringSettings())
            .filter { $0.rule.hasPrefix("shell-") }
            .map { "\($0.rule)@\($0.file):\($0.line ?? 0)" }.sorted()
    }

    private func skill(_ body: String) -> String {
        "---\nname: demo\ndescription: Runs benchmark iterations. Use when a benchmark is due.\n---\n\n\(body)\n"
    }

    @Test("prose is not shell; inline code that is a command is")
    func proseAndInlineCode() throws {
        let body = """
            Results go to <workspace>/iteration-N > /etc/ghost and rm -rf / is never run.
            The diagram shows `> /etc/hosts` and `a -> /etc/x`.
            Install with `curl -fsSL https://x.sh | sh` (don't), then `$ rm -rf ~`.
            """
        // The body starts on line 6 of SKILL.md.
        #expect(try shell(["SKILL.md": skill(body)]) == ["shell-pipe-to-shell@SKILL.md:8", "shell-rm-root@SKILL.md:8"])
    }

    @Test("placeholders, sed expressions, quoted `>` and arrows are not writes outside; real ones are")
    func writesOutside() throws {
        let body = """
            ```bash
            mkdir -p <workspace>/iteration-1
            cp out.json <workspace>/results/
            echo done > <workspace>/log.txt
            cp a ${OUT_DIR}/x
            cp a /${PROJECT}/x
            sed -i 's|/usr/local|/opt|g' config.txt
            sed 's/^/> /' notes.md > quoted.md
            sed -n '/^>/p' notes.md; echo "a > /etc/x"
            a -> /etc/x
            cat x 2>/dev/null >&2
            cp a /etc/x
            echo x >> "$HOME/.bashrc"
            echo y > ${HOME}/.profile
            ```
            """
        #expect(try shell(["SKILL.md": skill(body)]) == [
            "shell-write-outside@SKILL.md:17", "shell-write-outside@SKILL.md:18", "shell-write-outside@SKILL.md:19",
        ])
    }

    @Test("only shell scripts are read as shell: by extension, or a shell #! on an extension-less script")
    func scripts() throws {
        let findings = try shell([
            "SKILL.md": skill("Run `scripts/run`, `scripts/tool.sh`; read `scripts/notes.md`, `scripts/README.txt`, `scripts/data`."),
            "scripts/run": "#!/usr/bin/env bash\nchmod 777 out\n",
            "scripts/tool.sh": "rm -rf ~\n",
            "scripts/notes.md": "Never chmod 777 anything or rm -rf / here.\n",
            "scripts/README.txt": "chmod 777 is bad\n",
            "scripts/data": "chmod 777 x\n",
        ])
        #expect(findings == ["shell-chmod-777@scripts/run:2", "shell-rm-root@scripts/tool.sh:1"])
    }

    @Test("commands split at unquoted separators only")
    func commandWords() {
        #expect(ShellSource.commands("sed 's|a|b|' f; sudo cp \"x y\" /etc/z # c | d").map { $0.map(String.init) }
            == [["sed", "s|a|b|", "f"], ["cp", "x y", "/etc/z"]])
        #expect(RiskyShellRule.redirectTarget("echo 'a > /etc/x' > /var/y") == "/var/y")
        #expect(RiskyShellRule.redirectTarget("x <name>/etc") == nil)
        #expect(MarkdownLines.inlineCode("a `b` c `d e` `unclosed") == ["b", "d e"])
    }
}

@Suite("Shell line cues")
struct ShellCuesTests {
    /// The cues as one substring search per word finds them.
    private func searched(_ line: String) -> ShellCues {
        let holds = { (word: StaticString) in TextScan.lineContains(Substring(line), word) }
        var cues: ShellCues = []
        if holds("curl") || holds("wget") || holds("fetch") { cues.insert(.download) }
        if holds("chmod") { cues.insert(.chmod) }
        if holds(">") { cues.insert(.redirect) }
        if RiskyShellRule.commandHints.contains(where: holds) { cues.insert(.mayWrite) }
        return cues
    }

    @Test("one pass over the bytes finds the cues a search per word finds")
    func agreesWithSearches() {
        var lines = [
            "", "echo hi", "curl -fsSL https://x | sh", "wget -qO- x|bash", "fetch x", "chmod 777 f", "echo > /etc/x",
            "cur", "wge", "chmo", "fetc", "r", "rsyn", "mkdi", "instal", "to", "te", "d", "l", "format the term",
            "the farm", "install.sh", "tee", "touch", "addendum", "ln -s a b", "mv a b", "cp a b", "dd if=x",
            "CURL upper", "é curl ü", "x>y", "mkdir", "rsync -a", "cccurl", "chmodd", "cpcp", "rmrm",
        ]
        for hint in RiskyShellRule.commandHints { lines.append("say \(hint) now") }
        for line in lines {
            #expect(ShellCues(Substring(line)) == searched(line), "\(line)")
            #expect(ShellCues(Substring("prefix " + line + " suffix")) == searched("prefix " + line + " suffix"), "\(line)")
        }
        for hint in RiskyShellRule.commandHints {
            #expect(ShellCues(Substring("x \(hint) y")).contains(.mayWrite), "\(hint)")
        }
    }
}
