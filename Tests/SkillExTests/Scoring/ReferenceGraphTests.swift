import Foundation
import Testing
@testable import SkillEx

@Suite("Reference graph and file-unreferenced")
struct ReferenceGraphTests {
    /// Writes `files` (text or bytes) into a fresh skill folder and runs `body` on its lint context.
    private func withSkill<T>(_ files: [String: String], bytes: [String: [UInt8]] = [:], _ body: (LintContext) throws -> T) throws -> T {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("refs-\(UUID().uuidString)/demo")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        for (path, data) in files.mapValues({ Array($0.utf8) }).merging(bytes, uniquingKeysWith: { a, _ in a }) {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(data).write(to: url)
        }
        let context = LintContext.load(folder: root, files: try SkillFiles.list(root), settings: ScoringSettings(), validator: SpecValidator())
        return try body(context)
    }

    private func skill(_ body: String) -> String {
        "---\nname: demo\ndescription: Merges benchmark runs into one report. Use when runs finish.\n---\n\n# Demo\n\n\(body)\n"
    }

    private func unreferenced(_ files: [String: String], bytes: [String: [UInt8]] = [:]) throws -> [String] {
        try withSkill(files, bytes: bytes) { context in
            LintRuleSet.standard.findings(context, settings: ScoringSettings())
                .filter { $0.rule == "file-unreferenced" }.map(\.file).sorted()
        }
    }

    @Test("a vendored Python package reached from the referenced entry script: every file reached, score 100")
    func vendoredPackage() throws {
        let files = [
            "SKILL.md": skill("Run `python scripts/merge.py RUNS...`."),
            "scripts/merge.py": "import sys\nfrom helpers.merge_runs import merge\nimport vendor.tabulate as tab\nprint(merge(sys.argv))\n",
            "scripts/helpers/__init__.py": "",
            "scripts/helpers/merge_runs.py": "from .io import (\n    read,\n    write,  # both\n)\nfrom . import fmt\n",
            "scripts/helpers/io.py": "import json\nSCHEMA = 'schemas/run.json'\n",
            "scripts/helpers/fmt.py": "from ..vendor.tabulate import tabulate\n",
            "scripts/helpers/schemas/run.json": "{}",
            "scripts/vendor/__init__.py": "",
            "scripts/vendor/tabulate/__init__.py": "from .core import tabulate\n",
            "scripts/vendor/tabulate/core.py": "from . import core  # a cycle\nimport tabulate.core\n",
            "scripts/vendor/tabulate/LICENSE": "MIT",
            "scripts/vendor/tabulate/README.md": "readme",
        ]
        #expect(try unreferenced(files) == [])
        try withSkill(files) { context in
            var settings = ScoringSettings()
            settings.weights = [ComponentID.lint: 1]
            let findings = LintRuleSet.standard.findings(context, settings: settings)
            #expect(findings.isEmpty)
            #expect(ScoreFormula.deductionValue(findings) == 100)
        }
    }

    @Test("the same package is unreferenced when nothing reaches its entry script")
    func unreachedPackage() throws {
        let found = try unreferenced([
            "SKILL.md": skill("Nothing to run."),
            "scripts/merge.py": "from helpers.merge_runs import merge\n",
            "scripts/helpers/__init__.py": "",
            "scripts/helpers/merge_runs.py": "x = 1\n",
        ])
        #expect(found == ["scripts/helpers/merge_runs.py", "scripts/merge.py"])
    }

    @Test("a file named only by an unreferenced file is unreferenced; naming a folder reaches all under it")
    func transitiveAndFolders() throws {
        let found = try unreferenced([
            "SKILL.md": skill("Office helpers live in `scripts/office/`. Read [the guide](references/guide.md). Fill in Quarterly report (draft).pdf."),
            "scripts/office/pack.py": "print(1)\n",
            "scripts/office/schemas/a.xsd": "<x/>",
            "references/guide.md": "See [forms](forms.md).",
            "references/forms.md": "forms",
            "references/orphan.md": "Mentions [secret](secret.md).",
            "references/secret.md": "s",
            "assets/logo.png": "png",
            "assets/Quarterly report (draft).pdf": "pdf",
            "references/forms.md#x": "odd name, unmentioned",
        ])
        #expect(found == ["assets/logo.png", "references/forms.md#x", "references/orphan.md", "references/secret.md"])
    }

    @Test("JavaScript import/require, shell source and literal relative paths are followed")
    func scriptsAndLiterals() throws {
        let found = try unreferenced([
            "SKILL.md": skill("Run `node scripts/main.mjs` or `scripts/run.sh`."),
            "scripts/main.mjs": "import { a } from './lib/a';\nconst b = require(\"../scripts/lib/b\");\nimport('./lib/c/index.js')\n",
            "scripts/lib/a.ts": "export const a = 1\n",
            "scripts/lib/b.cjs": "module.exports = 2\n",
            "scripts/lib/c/index.js": "",
            "scripts/run.sh": "#!/bin/sh\n. \"$(dirname \"$0\")/common.sh\"\nsource ./env\ncat templates/page.html\n",
            "scripts/common.sh": "X=1\n",
            "scripts/env": "Y=2\n",
            "assets/templates/page.html": "<p/>",
            "scripts/lib/unused.js": "",
        ])
        #expect(found == ["scripts/lib/unused.js"])
    }

    @Test("cycles, binary and non-UTF-8 scripts, and garbage never crash; unreadable text is not followed")
    func hostile() throws {
        let found = try unreferenced(
            [
                "SKILL.md": skill("Run `scripts/a.py` and `scripts/blob.py`."),
                "scripts/a.py": "from b import x\nimport a\nfrom ....... import nothing\nfrom import\nimport\nfrom x import (\n",
                "scripts/b.py": "from a import y\n",
            ],
            bytes: [
                "scripts/blob.py": [0x66, 0x72, 0x6F, 0x6D, 0x20, 0xFF, 0x00, 0x0A, 0x69, 0x6D, 0x70, 0x6F, 0x72, 0x74],
                "scripts/latin1.py": Array("import b # caf".utf8) + [0xE9],
            ])
        #expect(found == ["scripts/latin1.py"])
    }

    @Test("a large vendored tree named many times, with an import chain and a cycle, is walked once")
    func largeTree() throws {
        var files = ["SKILL.md": skill(String(repeating: "Vendored code lives in `scripts/vendor/`. ", count: 200) + "Run `scripts/main.py`.")]
        files["scripts/main.py"] = "from vendor.pkg import m0\n"
        for index in 0..<1500 {
            files["scripts/vendor/pkg/m\(index).py"] = "from . import m\((index + 1) % 1500)\nimport vendor.pkg.m0\n"
        }
        files["scripts/other/tool.py"] = "from vendor.pkg import m1499\n"
        try withSkill(files) { context in
            let graph = ReferenceGraph(context)
            #expect(graph.reached.count == 1501)  // every module and main.py; not scripts/other/tool.py
            #expect(!graph.reached.contains("scripts/other/tool.py"))
        }
    }

    @Test("tokens and Python imports are parsed by bytes")
    func parsing() {
        #expect(PathTokens.tokens("see [a](references/a.md), `x.py`; é/b").map(String.init) == ["see", "a", "references/a.md", "x.py", "é/b"])
        let imports = ReferenceGraph.pythonImports("import a.b, c as d\n  from .x import y as z, w  # c\nfrom p import (\n q,\n r)\n")
        #expect(imports.map { String($0.name) } == ["a.b", "c", ".x", "p"])
        #expect(imports.map { $0.names.map(String.init) } == [[], [], ["y", "w"], ["q", "r"]])
    }

    @Test("names that never need a mention: exempt by bytes as by characters")
    func exemptNames() {
        let exempt = [
            "__init__.py", "LICENSE", "LICENSE.txt", "LICENCE", "README.md", "readme.txt", "license", "test_fill.py",
            "fill_test.py", "conftest.py", "pyproject.toml", "package.json", "x.test.ts", "a.spec.js", "READMEs", "test_é.py",
        ]
        let needed = [
            "fill.py", "test_fill.js", "tests.py", "_test.py.bak", "init.py", "__init__.pyc", "Readme.md", "LICENS",
            "x.test", "test.ts", "conftest.pyi", "pyproject.toml.bak", "LICENSÉ", "LICENSE\u{301}", "réadme.md",
            "", ".py", "x_test.py\u{301}",
        ]
        for name in exempt { #expect(ReferenceGraph.exempt(Substring(name)), "\(name)") }
        for name in needed { #expect(!ReferenceGraph.exempt(Substring(name)), "\(name)") }
    }
}
