import Foundation
import Testing

@testable import SkillEx

@Suite("Skill entry identity bytes")
struct SkillEntryIdentityTests {
    private func entry() -> SkillEntry {
        var entry = SkillEntry(
            name: "pdf", sourceRepo: "acme", targetPath: "skills/acme/pdf", checksum: "abc", packagedAt: "2025-01-01T00:00:00Z")
        entry.description = "Builds PDFs."
        return entry
    }

    @Test("equal entries give equal bytes; any field change, absent against empty, or an extra field changes them")
    func distinguishes() throws {
        let base = entry()
        #expect(base.identityBytes == entry().identityBytes)
        var variants: [SkillEntry] = []
        var changed = base
        changed.checksum = "abd"
        variants.append(changed)
        changed = base
        changed.description = nil
        variants.append(changed)
        changed = base
        changed.description = ""
        variants.append(changed)
        changed = base
        changed.sourceCommit = ""
        variants.append(changed)
        changed = base
        changed.sourceBranch = ""
        variants.append(changed)
        // Moving text between neighbouring fields must not give the same bytes.
        changed = base
        changed.name = "pdfacme"
        changed.sourceRepo = ""
        variants.append(changed)
        changed = base
        try changed.extra.encode([["score": 80.0]], key: "score_history")
        variants.append(changed)
        var other = changed
        try other.extra.encode([["score": 81.0]], key: "score_history")
        variants.append(other)
        let all = [base] + variants
        #expect(Set(all.map(\.identityBytes)).count == all.count)
    }

    @Test("JSON trees give distinct identity bytes for distinct trees, and the same bytes whatever the key order")
    func treeIdentity() {
        let trees: [JSONValue] = [
            .null, .bool(true), .bool(false), .int(1), .double(1.5), .int(0), .double(-0.0), .string(""),
            .string("a"), .string("ab"), .array([]), .array([.null]), .array([.array([])]), .array([.string("a"), .string("b")]),
            .array([.string("ab")]), .object([:]), .object(["a": .null]), .object(["a": .string("b")]),
            .object(["ab": .null]), .object(["a": .array([]), "b": .null]), .object(["a": .null, "b": .array([])]),
        ]
        let bytes = trees.map { tree -> [UInt8] in
            var out: [UInt8] = []
            tree.appendIdentity(to: &out)
            return out
        }
        #expect(Set(bytes).count == trees.count)
        var first: [UInt8] = [], second: [UInt8] = []
        JSONValue.object(["x": .int(1), "y": .string("z"), "a": .bool(true)]).appendIdentity(to: &first)
        JSONValue.object(["a": .bool(true), "y": .string("z"), "x": .int(1)]).appendIdentity(to: &second)
        #expect(first == second)
        // A whole number reads the same as an integer or a double: the file's `80`, the score stage's `80.0`.
        var int: [UInt8] = [], double: [UInt8] = []
        JSONValue.array([.int(80), .int(-3)]).appendIdentity(to: &int)
        JSONValue.array([.double(80), .double(-3)]).appendIdentity(to: &double)
        #expect(int == double)
    }
}
