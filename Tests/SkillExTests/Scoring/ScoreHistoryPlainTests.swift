import Foundation
import Testing

@testable import SkillEx

@Suite("Score history read by hand")
struct ScoreHistoryPlainTests {
    /// The history as `Decodable` reads it, or nil when it throws.
    static func decoded(_ json: String) -> [ScoreHistoryEntry]? {
        try? JSONDecoder().decode([ScoreHistoryEntry].self, from: Data(json.utf8))
    }

    static func tree(_ json: String) throws -> JSONValue {
        try JSONTreeDecoder.tree(Data(json.utf8))
    }

    @Test(
        "plain histories read exactly as Decodable reads them",
        arguments: [
            #"[]"#,
            #"[{"at": "2025-10-01T00:00:00Z", "score": 60}]"#,
            #"[{"at": "a", "score": 82.5, "checksum": "c", "inputs": "i", "components": {"spec": 100, "size": null}}]"#,
            #"[{"at": "a", "score": 1, "checksum": null, "inputs": null, "components": null, "extra": [1]}]"#,
        ])
    func matchesDecodable(_ json: String) throws {
        let plain = try #require(ScoreHistoryEntry.plainList(try Self.tree(json)))
        #expect(plain == Self.decoded(json))
    }

    @Test(
        "anything else is left to the Decodable path",
        arguments: [
            #"{"at": "a", "score": 1}"#,
            #"[{"score": 1}]"#,
            #"[{"at": "a", "score": "high"}]"#,
            #"[{"at": "a", "score": 1, "components": {"spec": "x"}}]"#,
            #"[{"at": "a", "score": 1, "checksum": 5}]"#,
            #"[{"at": "a", "score": 1, "components": []}]"#,
        ])
    func declines(_ json: String) throws {
        #expect(ScoreHistoryEntry.plainList(try Self.tree(json)) == nil)
    }

    @Test("a null component keeps its key")
    func nullComponentKept() throws {
        let plain = try #require(ScoreHistoryEntry.plainList(try Self.tree(#"[{"at": "a", "score": 1, "components": {"x": null}}]"#)))
        #expect(plain[0].components.keys.contains("x"))
        #expect(plain[0].components["x"] == .some(nil))
    }
}
