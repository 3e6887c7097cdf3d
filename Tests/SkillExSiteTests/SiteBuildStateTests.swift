import Foundation
import SkillEx
import Testing

@testable import SkillExSite

@Suite("Site build state: one home, written only by the publisher")
struct SiteBuildStateTests {
    /// The site state files in `.skillex/` (everything but the stage files the fixture wrote).
    static func stateFiles(_ fixture: SiteFixture) -> [String] {
        let state = fixture.workspace.stateURL.path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: state)) ?? []
        return names.filter { $0.hasPrefix("site-") }.sorted()
    }

    /// A publisher that keeps pages in memory and drops the state update.
    final class ForgetfulPublisher: SitePublisher {
        let pages = MemoryPublisher()
        func publishedRecords() -> PublishedRecords { pages.publishedRecords() }
        func publish(_ rendered: [RenderedPage], keptKeys: Set<String>) throws -> PublishSummary {
            try pages.publish(rendered, keptKeys: keptKeys)
        }
        func storeState(_ update: SiteStateUpdate) {}
    }

    @Test("loading the input and rendering write nothing; the publisher keeps listings, event summary and fragments")
    func onlyThePublisherWrites() throws {
        let fixture = try SiteFixture(stageFiles: true)
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let manifest = try ManifestStore.load(fixture.workspace.manifestURL)
        let input = try SiteInput.load(workspace: fixture.workspace, manifest: manifest)
        #expect(input.eventSummary.exists)  // the log was folded, its summary not yet kept
        #expect(Self.stateFiles(fixture) == [])
        let forgetful = ForgetfulPublisher()
        _ = try Site(theme: Theme.load()).build(input: input, publisher: forgetful)
        #expect(forgetful.pages.text("index.html") != nil)
        #expect(Self.stateFiles(fixture) == [])
        _ = try Site(theme: Theme.load()).build(input: input, publisher: MemoryPublisher())
        #expect(
            Self.stateFiles(fixture) == ["site-events.json", "site-fragments", "site-listings.tsv", "site-search-terms.tsv"])
        // The next load reads them back: the listing of each skill is not taken again.
        let again = try SiteInput.load(workspace: fixture.workspace, manifest: manifest)
        #expect(again.listings.items.filter { !$0.cached }.isEmpty)
        #expect(again.listings.items.count == manifest.skills.count)
    }

    @Test("one page record and marker per output folder; the marker is there only while a build writes")
    func markerAndRecords() throws {
        let fixture = try SiteFixture()
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let state = SiteBuildState(workspace: fixture.workspace)
        #expect(state.folder == fixture.workspace.publicURL)
        #expect(state.pageRecords.lastPathComponent == "site-hashes.tsv")
        #expect(state.writingMarker.lastPathComponent == "site-writing")
        let elsewhere = SiteBuildState(workspace: fixture.workspace, out: fixture.root.appendingPathComponent("out"))
        #expect(elsewhere.pageRecords.lastPathComponent.hasPrefix("site-hashes-"))
        #expect(elsewhere.pageRecords != state.pageRecords && elsewhere.writingMarker != state.writingMarker)
        #expect(SiteBuildState.stampedFolder(pageRecords: state.pageRecords).lastPathComponent == "site-hashes-stamped")

        // A temp page a killed build left behind goes when the next build begins.
        try fixture.write("public/skills/.index.html.tmp-0B1C2D3E-0000-4000-8000-00000000000A", "half")
        try fixture.write(".skillex/site-writing", "")
        state.beginWriting()
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("public/skills/.index.html.tmp-0B1C2D3E-0000-4000-8000-00000000000A").path))
        #expect(FileManager.default.fileExists(atPath: state.writingMarker.path))
        state.finishWriting()
        #expect(!FileManager.default.fileExists(atPath: state.writingMarker.path))
    }
}
