import Foundation
import SkillEx
import Testing

@Suite("Git sources")
struct GitSourceTests {
    @Test("credentials in a remote URL are redacted, in the URL and in git's messages")
    func redaction() {
        let url = "https://alice:tok3n@git.example.com/org/skills.git"
        #expect(GitRemote.redacted(url) == "https://***@git.example.com/org/skills.git")
        #expect(GitRemote.redacted("git@github.com:org/skills.git") == "git@github.com:org/skills.git")
        #expect(GitRemote.redacted("https://git.example.com/a@b") == "https://git.example.com/a@b")
        let message = "fatal: unable to access 'https://alice:tok3n@git.example.com/org/skills.git/': 403"
        let scrubbed = GitRemote.scrub(message, url: url)
        #expect(!scrubbed.contains("tok3n") && !scrubbed.contains("alice"))
        #expect(scrubbed.contains("https://***@git.example.com/org/skills.git"))
    }

    @Test("refs: branches, tags and full commit ids pass; option-like and malformed refs do not")
    func refs() {
        for ref in ["main", "release/1.0", "v1.2.3", String(repeating: "a", count: 40), "HEAD"] {
            #expect(GitRemote.problem(withRef: ref) == nil, "\(ref)")
        }
        for ref in ["", "-x", "--upload-pack=x", "a..b", "a b", "x.lock", "/a", "a/", "a@{1}", ".hidden", "a:b", "a\nb"] {
            #expect(GitRemote.problem(withRef: ref) != nil, "\(ref)")
        }
    }

    @Test("URLs that git could read as an option or that run commands are refused")
    func urls() {
        #expect(GitRemote.problem(withURL: "https://git.example.com/x.git") == nil)
        #expect(GitRemote.problem(withURL: "git@host:org/x.git") == nil)
        #expect(GitRemote.problem(withURL: "-oProxyCommand=x") != nil)
        #expect(GitRemote.problem(withURL: "EXT::sh -c x") != nil)
        #expect(GitRemote.problem(withURL: "https://x\n") != nil)
        #expect(GitRemote.problem(withURL: "") != nil)
    }

    @Test("a git repository entry has no path in the manifest and reads back the same")
    func manifestShape() throws {
        let json = #"{"repositories":[{"name":"team","git":"https://h/x.git","ref":"main","commit":"abc"}]}"#
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(json.utf8))
        let entry = try #require(manifest.repositories.first)
        #expect(entry.git == "https://h/x.git" && entry.ref == "main" && entry.commit == "abc")
        #expect(entry.path == ".skillex/git/team/tree")
        let encoded = String(decoding: try JSONEncoder().encode(manifest), as: UTF8.self)
        #expect(!encoded.contains("\"path\""))
        #expect(try JSONDecoder().decode(Manifest.self, from: Data(encoded.utf8)) == manifest)
    }

    @Test("path and git together are refused")
    func bothPathAndGit() {
        let json = #"{"repositories":[{"name":"team","git":"https://h/x.git","path":"repos/team"}]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Manifest.self, from: Data(json.utf8)) }
    }
}
