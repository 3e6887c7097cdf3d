import Foundation
import Testing
@testable import SkillEx

@Suite("Side-effect byte scan")
struct SideEffectScanTests {
    /// Pieces that exercise every branch of both patterns: words they look for, near misses,
    /// every ASCII blank and line break, list markers and word characters next to words.
    static let pieces = [
        "rm", "rm -rf x", "kubectl", "delete", "apply", "rollout", "scale", "drain", "replace", "helm", "install",
        "upgrade", "uninstall", "terraform", "destroy", "git", "push", "docker", "npm", "publish", "gh", "release",
        "pr", "create", "merge", "DROP", "TRUNCATE", "TABLE", "DATABASE", "DELETE", "FROM", "curl", "-X", "-x",
        "POST", "PUT", "PATCH", "PUTS", "Delete", "DEPLOY", "drop", "deploy", "send", "Email", "truncate",
        "wipe", "purge", "force-push", "roll out", "roll", "out", "sending", "x", "_", "9", "1.", "2)", "10.",
        "-", "*", "+", " ", " ", "  ", "\t", "\n", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1F}", ".", "|", "`", "$(",
    ]

    /// The leftmost match of either regular expression, as a UTF-8 offset.
    static func regexStart(_ text: String) -> Int? {
        let range = NSRange(text.startIndex..., in: text)
        let starts = [SideEffectRule.command, SideEffectRule.imperative]
            .compactMap { $0?.firstMatch(in: text, range: range) }
            .compactMap { Range($0.range, in: text)?.lowerBound }
        return starts.min().map { text.utf8.distance(from: text.utf8.startIndex, to: $0) }
    }

    @Test func agreesWithTheRegularExpressionsOnGeneratedText() {
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var matched = 0
        for _ in 0..<20_000 {
            let text = (0..<(1 + next(12))).map { _ in Self.pieces[next(Self.pieces.count)] }.joined()
            let expected = Self.regexStart(text)
            let found: Int?
            switch SideEffectScan.firstStart(in: text) {
            case .at(let offset): found = offset
            case .none: found = nil
            case .notASCII: Issue.record("ASCII text reported as not ASCII"); continue
            }
            #expect(found == expected, "\(text.debugDescription)")
            if expected != nil { matched += 1 }
        }
        #expect(matched > 2_000)
    }

    @Test func agreesOnHandPickedCases() {
        let cases = [
            "", "deploy", "  \n\n - Deploy now", "x\r\ndeploy", "x\rdeploy", "xdeploy", "1) send it", "12.\tpush",
            "curl -s https://x -X  POST", "curl https://x\n -X POST", "curl x\n\n-X POST", "curlX -X POST",
            "gh pr merge", "gh release  create", "gh prmerge", "git pushed", "a_rm -r", "DELETE  FROM t",
            "roll out the fleet", "rollout", "force-push main", "\u{0B}purge", "\u{0C}wipe", "\u{1F}wipe",
        ]
        for text in cases {
            let found: Int?
            if case .at(let offset) = SideEffectScan.firstStart(in: text) { found = offset } else { found = nil }
            #expect(found == Self.regexStart(text), "\(text.debugDescription)")
        }
    }

    @Test func leavesNonASCIITextToTheRegularExpressions() {
        #expect(SideEffectScan.firstStart(in: "déploy\u{85}deploy") == .notASCII)
        #expect(SideEffectScan.firstStart(in: "just text") == SideEffectScan.Outcome.none)
    }
}
