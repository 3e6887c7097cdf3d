import Foundation
import Testing

@testable import SkillEx

/// Foundation's JSON parser traps when its depth limit is hit at the very end of the input;
/// every decode of outside JSON is screened first (found by the `site-event-log` fuzzer).
@Suite("JSON nesting screen")
struct JSONNestingTests {
    private struct Shape: Decodable { var a: Int? }

    @Test("513 brackets and nothing else are refused before Foundation sees them; shallow JSON decodes")
    func screen() throws {
        for text in [String(repeating: "[", count: 513), String(repeating: "{\"a\":", count: 513),
                     String(repeating: "[", count: 257) + String(repeating: "]", count: 257)] {
            #expect(throws: DecodingError.self) { try JSONNesting.check(Data(text.utf8)) }
            #expect(throws: DecodingError.self) { try JSONDecoder().decodeChecked(Shape.self, from: Data(text.utf8)) }
        }
        // Brackets inside strings, escaped quotes included, do not count.
        let quoted = "{\"a\": 1, \"s\": \"\\\"" + String(repeating: "[", count: 600) + "\"}"
        try JSONNesting.check(Data(quoted.utf8))
        let nested = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        try JSONNesting.check(Data(nested.utf8))
        #expect(try JSONDecoder().decodeChecked(Shape.self, from: Data(#"{"a": 3}"#.utf8)).a == 3)
    }

    @Test("a hostile dist index, pack index and report are one-line errors, not a trap")
    func readers() throws {
        let deep = Data(String(repeating: "[", count: 513).utf8)
        #expect(throws: (any Error).self) { try DistIndex.decode(deep, label: "dist/index.json") }
        let report = #expect(throws: IngestError.self) { try JSONReport.decode([String].self, from: deep, file: "r.sarif") }
        #expect(report?.reason.contains("nested more than 256 levels") == true)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skillex-nesting-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try deep.write(to: folder.appendingPathComponent(PackIndex.fileName))
        #expect(throws: (any Error).self) { try PackIndexFile.read(in: folder) }
    }
}
