import Foundation
import Testing

@testable import SkillExSite

@Suite("Theme")
struct ThemeTests {
    @Test("a workspace template overrides only that file of the built-in theme")
    func override() throws {
        let fixture = try SiteFixture()
        try fixture.write("templates/roadmap.mustache", "{{<layout}}{{$main}}<p>MINE</p>{{/main}}{{/layout}}")
        let theme = try Theme.load(overrides: fixture.root.appendingPathComponent("templates"))
        let (site, _) = try fixture.build(theme: theme)
        #expect(site.text("roadmap.html")?.contains("<p>MINE</p>") == true)
        #expect(site.text("index.html")?.contains("<p>MINE</p>") == false)
    }

    @Test("a template error names the file and the line")
    func parseError() throws {
        let fixture = try SiteFixture()
        try fixture.write("templates/home.mustache", "one\ntwo\n{{#open}}\n")
        #expect(throws: SiteError.self) { try Theme.load(overrides: fixture.root.appendingPathComponent("templates")) }
        do {
            _ = try Theme.load(overrides: fixture.root.appendingPathComponent("templates"))
        } catch {
            #expect(error.description.contains("templates/home.mustache:"))
        }
    }

    @Test("a partial naming a missing template is an error with its line")
    func missingPartial() throws {
        let fixture = try SiteFixture()
        try fixture.write("templates/home.mustache", "one\n{{> nowhere}}\n")
        do {
            _ = try Theme.load(overrides: fixture.root.appendingPathComponent("templates"))
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasSuffix("home.mustache:2: no template named 'nowhere'"))
        }
    }

    @Test("only rendered HTML (safe Markdown, a theme fragment) goes through triple braces in the built-in theme")
    func tripleBraces() {
        // skillsHTML is the `home-skills` template rendered with escaping, kept between builds.
        // linesHTML and commandHTML come from the highlighter, fileTreeHTML from FileTree: both
        // escape every byte of their input (HighlightTests.hostile, ReviewerPageTests.files).
        let allowed: Set<String> = ["bodyHTML", "leadHTML", "skillsHTML", "linesHTML", "commandHTML", "fileTreeHTML"]
        for (path, text) in EmbeddedTheme.files where path.hasSuffix(".mustache") {
            var rest = text[...]
            while let open = rest.range(of: "{{{") {
                let close = rest[open.upperBound...].range(of: "}}}")
                let name = close.map { String(rest[open.upperBound..<$0.lowerBound]).trimmingCharacters(in: .whitespaces) } ?? "?"
                #expect(allowed.contains(name), "\(path) passes \(name) unescaped")
                rest = rest[(close?.upperBound ?? rest.endIndex)...]
            }
            #expect(!text.contains("{{&"), "\(path) uses {{& (unescaped)")
        }
    }
}
