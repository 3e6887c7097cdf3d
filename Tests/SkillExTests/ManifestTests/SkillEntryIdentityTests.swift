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
}
