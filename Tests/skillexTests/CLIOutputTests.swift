import ArgumentParser
import Foundation
@testable import SkillEx
import Testing

@testable import skillex

/// Issue #14/#15 CLI fixes: `--version`, one-line errors, the status line.
@Suite("CLI output")
struct CLIOutputTests {
    @Test("sync --version V is v0.1's version label; the tool's version flag no longer clashes")
    func syncVersion() throws {
        let sync = try #require(try SkillExCommand.parseAsRoot(["sync", "--version", "1.4.0"]) as? SyncCommand)
        #expect(sync.version == "1.4.0")
        let package = try #require(try SkillExCommand.parseAsRoot(["package", "--version", "2.0.0"]) as? PackageCommand)
        #expect(package.version == "2.0.0")
        let help = SyncCommand.helpMessage()
        #expect(help.components(separatedBy: "--version <version>").count == 2)
        #expect(!help.contains("Show the version."))
        #expect(throws: (any Error).self) { try SkillExCommand.parseAsRoot(["sync", "--version"]) }
    }

    @Test("a ValidationError prints as its own message, not Foundation's description")
    func validationMessage() {
        let text = ExitStatus.message(ValidationError("--clock: 'x' is not an ISO 8601 time (e.g. 2025-01-31T12:00:00Z)"))
        #expect(text == "--clock: 'x' is not an ISO 8601 time (e.g. 2025-01-31T12:00:00Z)")
    }

    @Test("a line written while progress shows erases it first and draws it again after")
    func statusLine() {
        let out = Output()
        let line = StatusLine { out.add($0) }
        line.printLine("before")
        line.show("[sync] 1 skills checked")
        line.printLine("WARNING a/b failed")
        line.show("[sync] 2 skills checked")
        line.clear()
        line.printLine("after")
        #expect(out.text == "before\n\r\u{1B}[2K[sync] 1 skills checked\r\u{1B}[2KWARNING a/b failed\n[sync] 1 skills checked"
            + "\r\u{1B}[2K[sync] 2 skills checked\r\u{1B}[2Kafter\n")
    }
}

/// `skillex score`'s summary line never shows a green mark over a refused or invalid skill.
@Suite("Score summary mark")
struct ScoreSummaryMarkTests {
    static func card(_ gate: GateVerdict, error: Bool = false) -> Scorecard {
        Scorecard(
            repo: "r", skill: "s", checksum: "c", score: gate == .refused ? 10 : 90, components: [],
            findings: error
                ? [ScoreFinding(rule: "name.lowercase", severity: .error, message: "m", remediation: "f", file: "SKILL.md",
                                line: nil, component: ComponentID.lint)] : [],
            gate: gate, approval: nil, approvalHolds: false, regression: nil,
            tokens: TokenReport(description: 0, body: 0, sections: []), path: "skills/r/s")
    }

    static func mark(_ cards: [Scorecard]) -> String {
        ScoreTextReport.summaryMark(ScoreRun(generatedAt: "t", threshold: 70, weights: [:], skills: cards))
    }

    @Test("✗ when any skill is refused, ! when one breaks a spec rule, ✓ otherwise")
    func marks() {
        #expect(Self.mark([Self.card(.admitted), Self.card(.refused)]) == "✗")
        #expect(Self.mark([Self.card(.admitted), Self.card(.approved, error: true)]) == "!")
        #expect(Self.mark([Self.card(.admitted), Self.card(.approved)]) == "✓")
    }
}

final class Output: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [String] = []
    func add(_ part: String) { lock.withLock { parts.append(part) } }
    var text: String { lock.withLock { parts.joined() } }
}
