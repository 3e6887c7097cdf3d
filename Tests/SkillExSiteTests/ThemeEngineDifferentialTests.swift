import Foundation
import Mustache
import Testing

@testable import SkillExSite

/// The theme's own engine against swift-mustache: same templates, same models, same bytes.
@Suite("Theme engine agrees with swift-mustache")
struct ThemeEngineDifferentialTests {
    /// `theme` with its own engine switched off, so every page renders through swift-mustache.
    private func mustacheOnly(_ theme: Theme) -> Theme {
        Theme(
            templates: theme.templates, assets: theme.assets, fingerprint: theme.fingerprint,
            overridden: theme.overridden, compiled: CompiledTemplates(texts: [:], replaced: []))
    }

    @Test("the engine renders every built-in template (none falls back to swift-mustache)")
    func parsesBuiltIn() throws {
        let theme = try Theme.load()
        var names: [String] = []
        for path in EmbeddedTheme.files.keys where path.hasPrefix("templates/") && path.hasSuffix(".mustache") {
            let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            #expect(theme.compiled.library(for: name) != nil, "\(name)")
            names.append(name)
        }
        #expect(names.contains("layout") && names.contains("skill"))
    }

    @Test("a template reaching one a workspace replaced is left to swift-mustache")
    func overriddenFallsBack() throws {
        let fixture = try SiteFixture()
        try fixture.write("templates/layout.mustache", "{{$main}}{{/main}}")
        let theme = try Theme.load(overrides: fixture.root.appendingPathComponent("templates"))
        #expect(theme.compiled.library(for: "skill") == nil)
        #expect(theme.compiled.library(for: "toc") != nil)
    }

    @Test("a whole site (every page kind, hostile skill included) is byte-identical", arguments: [false, true])
    func wholeSite(stageFiles: Bool) throws {
        let fixture = try SiteFixture(stageFiles: stageFiles)
        let theme = try Theme.load()
        let (fast, _) = try fixture.build(theme: theme)
        let (reference, _) = try fixture.build(theme: mustacheOnly(theme))
        let paths = fast.publishedRecords().pages.keys.sorted()
        #expect(paths == reference.publishedRecords().pages.keys.sorted())
        #expect(paths.contains("index.html"))
        var htmlPages = 0
        for path in paths {
            #expect(fast.data(path) == reference.data(path), "\(path) differs")
            if path.hasSuffix(".html") { htmlPages += 1 }
        }
        #expect(htmlPages > 8)
    }

    @Test("every built-in template renders the same on an empty model")
    func emptyModel() throws {
        let theme = try Theme.load()
        let reference = mustacheOnly(theme)
        for path in EmbeddedTheme.files.keys where path.hasPrefix("templates/") && path.hasSuffix(".mustache") {
            let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            #expect(theme.compiled.render(name, Empty()) == reference.render(name, Empty()), "\(name)")
        }
    }

    private struct Empty: Encodable {}
}
