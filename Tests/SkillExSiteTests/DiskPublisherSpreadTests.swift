import Foundation
import SkillEx
import Testing

@testable import SkillExSite

@Suite("The site's skill folders spread over the disk")
struct DiskPublisherSpreadTests {
    @Test("only skills/ and each repository's folder in it spread their subfolders")
    func whichFolders() {
        let site = "/hub/public"
        #expect(DiskPublisher.spreadsFolders("/hub/public/skills", site: site))
        #expect(DiskPublisher.spreadsFolders("/hub/public/skills/acme", site: site))
        #expect(!DiskPublisher.spreadsFolders("/hub/public", site: site))
        #expect(!DiskPublisher.spreadsFolders("/hub/public/skills/acme/pdf", site: site))
        #expect(!DiskPublisher.spreadsFolders("/hub/public/skills/", site: site))
        #expect(!DiskPublisher.spreadsFolders("/hub/public/skillset", site: site))
        #expect(!DiskPublisher.spreadsFolders("/hub/public/cookbook", site: site))
        #expect(!DiskPublisher.spreadsFolders("/elsewhere/skills", site: site))
    }

    @Test("a first build marks the folders it makes under skills/ where the file system has the flag")
    func firstBuildMarks() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("skillex-spread-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try Folders.make(root.path)
        // Whether this file system keeps the flag at all (ext4 does; tmpfs does not).
        try Folders.make(root.path + "/probe")
        let supported = FolderSpread.mark(root.path + "/probe")
        let site = root.appendingPathComponent("public")
        let publisher = DiskPublisher(folder: site, hashesURL: root.appendingPathComponent("site-hashes.tsv"))
        let pages = [
            RenderedPage(path: "index.html", bytes: Data("<p>home</p>".utf8)),
            RenderedPage(path: "cookbook/intro.html", bytes: Data("<p>intro</p>".utf8)),
            RenderedPage(path: "skills/acme/pdf/index.html", bytes: Data("<p>pdf</p>".utf8)),
            RenderedPage(path: "skills/acme/pdf/files/references/guide.md.html", bytes: Data("<p>guide</p>".utf8)),
        ]
        let stored = try pages.map(publisher.storeEarly)
        let summary = try publisher.publish(stored, keptKeys: [])
        #expect(summary.written.count == pages.count)
        #expect(try String(contentsOf: site.appendingPathComponent("skills/acme/pdf/index.html"), encoding: .utf8) == "<p>pdf</p>")
        #expect(FolderSpread.isMarked(site.path + "/skills") == supported)
        #expect(FolderSpread.isMarked(site.path + "/skills/acme") == supported)
        #expect(!FolderSpread.isMarked(site.path + "/skills/acme/pdf"))
        #expect(!FolderSpread.isMarked(site.path + "/skills/acme/pdf/files"))
        #expect(!FolderSpread.isMarked(site.path + "/cookbook"))
    }
}
