import Testing

@testable import SkillExSite

@Suite("Plain relative paths")
struct PlainPathTests {
    @Test("paths with no empty, `.` or `..` segment are plain; the byte scan agrees with splitting")
    func plain() {
        let cases: [(String, Bool)] = [
            ("skills/repo/skill", true), ("a", true), ("a/.b", true), ("a/...", true), ("a/b.c/d..e", true),
            ("", false), ("/", false), ("a//b", false), ("./a", false), ("a/.", false), ("a/../b", false),
            ("..", false), ("a/b/", false), ("/a", false),
        ]
        for (path, expected) in cases {
            #expect(SiteInput.plainPath(relative: path) == expected, "\(path)")
            let split = !path.isEmpty && !path.split(separator: "/", omittingEmptySubsequences: false).contains {
                $0.isEmpty || $0 == "." || $0 == ".."
            }
            #expect(split == expected, "\(path)")
        }
    }
}
