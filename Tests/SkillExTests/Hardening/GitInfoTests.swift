import Foundation
@testable import SkillEx
import Testing

@Suite("GitInfo reads .git strictly: valid refs and object ids only, nothing outside .git")
struct GitInfoTests {
    static let commit = "0123456789abcdef0123456789abcdef01234567"
    static let sha256 = String(repeating: "ab", count: 32)

    /// A temp folder with `outside/secret` (content that must never become a commit) and `repo/`.
    final class Layout {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gitinfo-\(UUID().uuidString)")
        var repo: URL { root.appendingPathComponent("repo") }
        var git: URL { repo.appendingPathComponent(".git") }
        var secret: URL { root.appendingPathComponent("outside/secret") }

        init() throws {
            try FileManager.default.createDirectory(at: git.appendingPathComponent("refs/heads"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: secret.deletingLastPathComponent(), withIntermediateDirectories: true)
            try write(secret, GitInfoTests.commit)
        }

        func write(_ url: URL, _ text: String) throws {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        func link(_ path: String, to target: String) throws {
            try FileManager.default.createSymbolicLink(atPath: git.appendingPathComponent(path).path, withDestinationPath: target)
        }

        deinit { try? FileManager.default.removeItem(at: root) }
    }

    @Test("a well-formed checkout: detached, loose ref, packed ref, SHA-256 ids")
    func wellFormed() throws {
        let layout = try Layout()
        try layout.write(layout.git.appendingPathComponent("HEAD"), Self.commit + "\n")
        #expect(GitInfo.read(layout.repo) == GitInfo(commit: Self.commit, branch: nil))
        try layout.write(layout.git.appendingPathComponent("HEAD"), "ref: refs/heads/main\n")
        try layout.write(layout.git.appendingPathComponent("packed-refs"), "# pack-refs with: peeled\n\(Self.sha256) refs/heads/main\n^\(Self.commit)\n")
        #expect(GitInfo.read(layout.repo) == GitInfo(commit: Self.sha256, branch: "main"))
        try layout.write(layout.git.appendingPathComponent("refs/heads/main"), Self.commit + "\n")
        #expect(GitInfo.read(layout.repo) == GitInfo(commit: Self.commit, branch: "main"))
    }

    @Test("HEAD naming a path outside .git records no commit", arguments: [
        "ref: ../../outside/secret", "ref: refs/heads/../../../outside/secret", "ref: /etc/passwd",
        "ref: refs/heads/.hidden", "ref: refs/heads/main.lock", "ref: refs/heads/a b", "not-a-commit",
    ])
    func badRefs(_ head: String) throws {
        let layout = try Layout()
        try layout.write(layout.git.appendingPathComponent("HEAD"), head + "\n")
        #expect(GitInfo.read(layout.repo)?.commit == nil)
    }

    @Test("symlinks, FIFOs and outside git folders are not followed")
    func links() throws {
        let layout = try Layout()
        try layout.link("HEAD", to: layout.secret.path)
        #expect(GitInfo.read(layout.repo)?.commit == nil)

        try FileManager.default.removeItem(at: layout.git.appendingPathComponent("HEAD"))
        try layout.write(layout.git.appendingPathComponent("HEAD"), "ref: refs/heads/secret\n")
        try FileManager.default.removeItem(at: layout.git.appendingPathComponent("refs/heads"))
        try layout.link("refs/heads", to: layout.secret.deletingLastPathComponent().path)
        #expect(GitInfo.read(layout.repo)?.commit == nil)

        try FileManager.default.removeItem(at: layout.git.appendingPathComponent("HEAD"))
        #expect(mkfifo(layout.git.appendingPathComponent("HEAD").path, 0o644) == 0)
        #expect(GitInfo.read(layout.repo) == nil, "a FIFO is not read (and does not block)")

        // A `.git` file pointing at a folder that is not a git folder.
        try FileManager.default.removeItem(at: layout.git)
        try layout.write(layout.secret.deletingLastPathComponent().appendingPathComponent("HEAD"), Self.commit)
        try layout.write(layout.git, "gitdir: ../outside\n")
        #expect(GitInfo.read(layout.repo) == nil)
    }

    @Test("a worktree's .git file leads to .git/worktrees/NAME and its commondir")
    func worktree() throws {
        let layout = try Layout()
        let main = layout.root.appendingPathComponent("main/.git")
        try layout.write(main.appendingPathComponent("refs/heads/feature"), Self.commit + "\n")
        try layout.write(main.appendingPathComponent("worktrees/wt/HEAD"), "ref: refs/heads/feature\n")
        try layout.write(main.appendingPathComponent("worktrees/wt/commondir"), "../..\n")
        try FileManager.default.removeItem(at: layout.git)
        try layout.write(layout.git, "gitdir: \(main.path)/worktrees/wt\n")
        #expect(GitInfo.read(layout.repo) == GitInfo(commit: Self.commit, branch: "feature"))
    }
}
