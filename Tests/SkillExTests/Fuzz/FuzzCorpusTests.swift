import Foundation
import SkillExFuzzSupport
import Testing

/// Every committed fuzz input (seeds and regression cases under `Fuzz/corpus/<harness>/`) goes
/// through the same entry the libFuzzer harness calls, so CI catches a regression without
/// fuzzing. A trap fails the run; a `FuzzViolation` fails the test.
@Suite("Fuzz corpus")
struct FuzzCorpusTests {
    @Test("each harness's corpus runs clean", arguments: FuzzEntryPoints.harnesses)
    func corpus(harness: String) throws {
        let inputs = try FuzzCorpus.inputs(harness)
        #expect(!inputs.isEmpty, "Fuzz/corpus/\(harness) has no inputs")
        for input in inputs {
            let data = try Data(contentsOf: input)
            do {
                #expect(try FuzzEntryPoints.run(harness, data), "no entry for \(harness)")
            } catch {
                Issue.record("\(input.lastPathComponent): \(error)")
            }
        }
    }

    @Test("an unknown harness name is refused")
    func unknown() throws {
        #expect(try FuzzEntryPoints.run("no-such-harness", Data()) == false)
    }
}

/// Finds the committed corpus folders from this file's place in the repository.
enum FuzzCorpus {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/corpus")

    /// The files in `Fuzz/corpus/<harness>/`, sorted.
    static func inputs(_ harness: String) throws -> [URL] {
        let folder = root.appendingPathComponent(harness)
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
