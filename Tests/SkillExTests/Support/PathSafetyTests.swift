import Testing

@testable import SkillEx

@Suite("Folder names")
struct PathSafetyTests {
    @Test(
        "each unsafe name gets its reason; safe names get none",
        arguments: [
            ("", "is empty"), (".", "must not contain '..'"), ("..", "must not contain '..'"),
            ("a..b", "must not contain '..'"), ("a/b", "must not contain a slash"), ("a\\b", "must not contain a slash"),
            (".hidden", "must not start with '.'"), ("a\u{1}b", "must not contain control characters"),
            ("a\u{7F}", "must not contain control characters"), (".\u{1}", "must not start with '.'"),
            ("..x/", "must not contain '..'"), ("é..", "must not contain '..'"), ("é/x", "must not contain a slash"),
            (".é", "must not start with '.'"), ("é\u{1}", "must not contain control characters"),
        ])
    func unsafe(_ name: String, _ reason: String) {
        #expect(PathSafety.problem(withFolderName: name) == reason)
    }

    @Test("ordinary names pass", arguments: ["pdf-report", "a.b", "Internal_Comms", "résumé", "x.y.z", "a-.b"])
    func safe(_ name: String) {
        #expect(PathSafety.problem(withFolderName: name) == nil)
    }
}
