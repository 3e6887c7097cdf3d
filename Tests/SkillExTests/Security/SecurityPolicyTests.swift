import Foundation
import Testing
@testable import SkillEx

@Suite("Security policy and scorecards")
struct SecurityPolicyTests {
    private var bidiResult: SecurityScanResult { securityScan(["a.md": "x\u{202E}y"]) }

    @Test("by default a critical finding refuses; the policy can widen, narrow or switch rules off")
    func policy() {
        var settings = ScoringSettings()
        #expect(SecurityScoring(bidiResult, settings: settings).findings.first?.refuses == true)
        settings.security = SecurityPolicy(refuse: [])
        #expect(SecurityScoring(bidiResult, settings: settings).findings.first?.refuses == nil)
        settings.security = SecurityPolicy(refuse: [.critical], rules: ["hidden-bidi": "medium"])
        let medium = SecurityScoring(bidiResult, settings: settings).findings.first
        #expect(medium?.risk == .medium && medium?.severity == .warning && medium?.refuses == nil)
        settings.security = SecurityPolicy(rules: ["hidden-bidi": "off"])
        #expect(SecurityScoring(bidiResult, settings: settings).findings.isEmpty)
    }

    @Test("the manifest's scoring.security is read and checked")
    func manifest() throws {
        let good = try JSONValueParser.parse(Data(#"{"refuse": ["critical", "high"], "rules": {"hidden-zero-width": "off"}}"#.utf8))
        var manifest = Manifest()
        manifest.extra.values["scoring"] = .object(["security": good])
        let settings = try ScoringSettings.load(manifest, path: "manifest.json")
        #expect(settings.security.refuse == [.critical, .high])
        manifest.extra.values["scoring"] = .object(["security": .object(["rules": .object(["nope": .string("off")])])])
        #expect(throws: ManifestError.self) { try ScoringSettings.load(manifest, path: "manifest.json") }
    }

    @Test("a refusing finding names the policy in the gate refusal")
    func refusal() {
        let findings = SecurityScoring(bidiResult, settings: ScoringSettings()).findings
        let refusal = GateRefusal(
            repo: "r", skill: "s", score: 95, threshold: 70, findings: findings, staleApproval: nil, blocking: findings)
        #expect(refusal.description.hasPrefix("r/s: refused by the security policy: 1 critical finding"))
    }

    @Test("risk and refuses survive the scorecard writer and reader")
    func roundTrip() throws {
        var components = [ScoreComponent(id: "lint", weight: 0.6, value: 100, basis: "")]
        let security = SecurityScoring(bidiResult, settings: ScoringSettings())
        components.append(security.component)
        let score = ScoreFormula.combine(&components)
        let card = Scorecard(
            repo: "r", skill: "s", checksum: "c", score: score, components: components, findings: security.findings,
            gate: .refused, approval: nil, approvalHolds: false, regression: nil,
            tokens: TokenReport(description: 1, body: 1, sections: []), path: "skills/r/s")
        var out: [UInt8] = []
        #expect(ScorecardJSON.write(card, indent: 0, into: &out))
        out.append(0x0A)
        #expect(Data(out) == (try JSONWriter.data(card)))
        #expect(ScorecardTree.card(try JSONValueParser.parse(Data(out))) == card)
        #expect(score == 100)
    }

    @Test("binary, archive, huge and non-UTF-8 files are skipped with a note")
    func skipped() {
        let files = [
            SkillFile(relativePath: "a.zip", url: URL(fileURLWithPath: "/x"), size: 10),
            SkillFile(relativePath: "big.log", url: URL(fileURLWithPath: "/x"), size: SecurityScan.maxFileBytes + 1),
            SkillFile(relativePath: "logo.png", url: URL(fileURLWithPath: "/x"), size: 10),
            SkillFile(relativePath: "bin.dat", url: URL(fileURLWithPath: "/x"), size: 4),
            SkillFile(relativePath: "latin.txt", url: URL(fileURLWithPath: "/x"), size: 4),
        ]
        let plan = SecurityScan.plan(files)
        #expect(plan.read == ["bin.dat", "latin.txt"])
        let result = SecurityScan.scan(
            contents: ["bin.dat": [1, 0, 2, 3], "latin.txt": [0x43, 0x61, 0x66, 0xE9]], planned: plan, name: "", description: "")
        #expect(result.skipped.map(\.file) == ["a.zip", "big.log", "bin.dat", "latin.txt"])
        #expect(result.hits.isEmpty && result.scanned == 0)
    }
}
