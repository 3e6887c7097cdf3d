import Foundation
import SkillExFuzzSupport
import Testing

/// The site's fuzz corpora through the site's entries, and a check that every corpus folder
/// belongs to a harness (and every harness has one).
@Suite("Site fuzz corpus")
struct SiteFuzzCorpusTests {
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/corpus")

    @Test("each site harness's corpus runs clean", arguments: SiteFuzzEntryPoints.harnesses)
    func corpus(harness: String) throws {
        let folder = Self.root.appendingPathComponent(harness)
        let inputs = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        #expect(!inputs.isEmpty, "Fuzz/corpus/\(harness) has no inputs")
        for input in inputs {
            #expect(try SiteFuzzEntryPoints.run(harness, try Data(contentsOf: input)), "no entry for \(harness)")
        }
    }

    @Test("corpus folders and harnesses match one to one")
    func folders() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.root.path).filter { !$0.hasPrefix(".") }
        #expect(Set(folders) == Set(FuzzEntryPoints.harnesses + SiteFuzzEntryPoints.harnesses))
        #expect(Set(FuzzEntryPoints.harnesses).isDisjoint(with: SiteFuzzEntryPoints.harnesses))
    }
}
