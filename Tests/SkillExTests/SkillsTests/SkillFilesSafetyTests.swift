import Foundation
import SkillEx
import SkillExTestSupport
import Testing

@Suite("Skill file listing: hostile names and limits")
struct SkillFilesSafetyTests {
    private func listing(_ ws: TestWorkspace, limits: SkillLimits? = nil) -> SkillFilesError? {
        do { _ = try SkillFiles.list(ws.url("s"), limits: limits) } catch { return error }
        return nil
    }

    @Test("names differing only in case are refused, naming both")
    func caseTwins() throws {
        let ws = try TestWorkspace("-- s/SKILL.md --\nx\n-- s/README.md --\na\n-- s/readme.md --\nb\n")
        defer { ws.remove() }
        let error = try #require(listing(ws))
        #expect(error.description.contains("readme.md") && error.description.contains("README.md"))
        #expect(error.description.contains("only in case or Unicode normalisation"))
    }

    @Test("NFC and NFD spellings of one name are refused")
    func normalisationTwins() throws {
        let ws = try TestWorkspace("-- s/SKILL.md --\nx\n")
        defer { ws.remove() }
        try ws.write("s/caf\u{E9}.md", "composed")
        try ws.write("s/cafe\u{301}.md", "decomposed")
        #expect(listing(ws).map { if case .nameClash = $0 { true } else { false } } == true)
    }

    @Test("a bidirectional override in a name is refused; combining marks are fine")
    func bidi() throws {
        let ws = try TestWorkspace("-- s/SKILL.md --\nx\n-- s/z\u{301}\u{316}.md --\nok\n")
        defer { ws.remove() }
        #expect(listing(ws) == nil)
        try ws.write("s/invoice\u{202E}dm.exe", "x")
        #expect(listing(ws) == .badName(path: ws.url("s").path + "/invoice\u{202E}dm.exe"))
    }

    @Test("a file over max_file_bytes is refused without reading it")
    func tooLarge() throws {
        let ws = try TestWorkspace("-- s/SKILL.md --\nx\n")
        defer { ws.remove() }
        let big = ws.url("s/big.bin")
        #expect(FileManager.default.createFile(atPath: big.path, contents: nil))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 5_000_000)
        try handle.close()
        let limits = SkillLimits(maxFileBytes: 1_000_000, maxFiles: 10, maxDepth: 4)
        #expect(listing(ws, limits: limits) == .tooLarge(path: big.path, size: 5_000_000, limit: 1_000_000))
        #expect(listing(ws) == nil, "no limits: other stages list sync's output as it is")
    }

    @Test("too many files and too deep folders are refused")
    func countAndDepth() throws {
        let ws = try TestWorkspace("-- s/SKILL.md --\nx\n-- s/a/b/c/d.md --\nd\n-- s/e.md --\ne\n")
        defer { ws.remove() }
        #expect(listing(ws, limits: SkillLimits(maxFileBytes: 100, maxFiles: 3, maxDepth: 3)) == nil)
        let few = listing(ws, limits: SkillLimits(maxFileBytes: 100, maxFiles: 2, maxDepth: 3))
        #expect(few?.description.contains("more than 2 files") == true)
        let shallow = listing(ws, limits: SkillLimits(maxFileBytes: 100, maxFiles: 3, maxDepth: 2))
        #expect(shallow == .tooDeep(path: ws.url("s/a/b/c").path, limit: 2))
    }

    @Test("the manifest's limits section overrides defaults field by field and refuses nonsense")
    func manifestLimits() throws {
        var manifest = Manifest()
        #expect(try SkillLimits.of(manifest) == .standard)
        manifest.extra.values["limits"] = .object(["max_files": .int(5)])
        let limits = try SkillLimits.of(manifest)
        #expect(limits.maxFiles == 5 && limits.maxFileBytes == SkillLimits.standard.maxFileBytes)
        manifest.extra.values["limits"] = .object(["max_depth": .int(0)])
        #expect(throws: ManifestLimitsError.self) { try SkillLimits.of(manifest) }
        manifest.extra.values["limits"] = .string("big")
        #expect(throws: ManifestLimitsError.self) { try SkillLimits.of(manifest) }
    }
}
