import Foundation
import Mustache
import Testing

@testable import SkillExSite

/// The theme's own engine on the Mustache features the built-in theme uses, each checked
/// against swift-mustache on the same template and model.
@Suite("Theme engine")
struct ThemeEngineTests {
    struct Item: Encodable {
        var label: String
        var current = false
        var count: Int? = nil
    }

    struct Model: Encodable {
        var title = "A <b>&\"'</b> é<\u{301} x"
        var items = [Item(label: "one", current: true, count: 3), Item(label: "two")]
        var none: [Item] = []
        var flag = true
        var off = false
        var ratio = 2.5
        var frame = ["nav": "deep", "title": "framed"]
        var text = ""
        var tags = ["a", "<b>"]
        var counts = [1, 2]
        var nothing = Nothing()
    }

    struct Nothing: Encodable {}

    /// Both engines' output for `templates` (the first is rendered) and `model`.
    private func both(_ templates: KeyValuePairs<String, String>, _ model: some Encodable = Model()) throws -> (String?, String) {
        var texts: [String: String] = [:]
        var library = MustacheLibrary()
        for (name, text) in templates {
            texts[name] = text
            library.register(try MustacheTemplate(string: text), named: name)
        }
        let compiled = CompiledTemplates(texts: texts, replaced: [])
        let name = templates.first?.key ?? ""
        let reference = library.render(ModelTree.convert(model) ?? [String: Any](), withTemplate: name) ?? ""
        return (compiled.render(name, model), reference)
    }

    @Test(
        "renders like swift-mustache",
        arguments: [
            "<h1>{{title}}</h1>{{{title}}}{{&title}}",
            "{{#items}}<li{{#current}} class=\"c\"{{/current}}>{{label}}:{{count}}</li>\n{{/items}}",
            "<ul>\n  {{#items}}\n  <li>{{label}}</li>\n  {{/items}}\n</ul>\n",
            "{{^none}}empty{{/none}}|{{^items}}full{{/items}}|{{^missing}}gone{{/missing}}|{{^off}}off{{/off}}",
            "{{#flag}}yes {{title}}{{/flag}}{{#off}}no{{/off}}{{flag}} {{off}} {{ratio}}",
            "{{frame.title}} {{#frame}}{{nav}} {{.nav}} {{title}}{{/frame}} {{frame.missing.deep}}",
            "{{#text}}[{{.}}]{{/text}}{{#items}}{{#frame}}{{label}}{{/frame}}{{/items}}",
            "  {{! a comment }}\nline\n{{!\nmulti\n}}  \n{{#items}}{{label}}{{/items}} \t\n",
            "a\n  {{#flag}}  \n  inner\n  {{/flag}}\nb{{#flag}}\nc{{/flag}}d\n",
            "{ {{title}} } {{ title }} {{#items}}{{.label}}{{/items}} {{tags}} {{{counts}}} {{#tags}}{{.}},{{/tags}} {{nothing}}",
            "end without newline {{title}}  ",
        ])
    func matches(template: String) throws {
        let (fast, reference) = try both(["main": template])
        #expect(fast == reference)
    }

    @Test("standalone partials are indented line by line, inline ones are not")
    func partials() throws {
        let part = "first {{title}}\n{{#items}}\n  - {{label}}\n{{/items}}\nlast\n"
        let (fast, reference) = try both(["main": "<div>\n    {{> part}}\n  x {{>part}} y\n</div>\n", "part": part])
        #expect(fast == reference)
        #expect(fast?.contains("\n      - one\n") == true)
    }

    @Test("a parent's blocks are replaced by its child's, nested parents keep the outer child's")
    func inheritance() throws {
        let layout = "<html>\n  {{$head}}<title>default</title>{{/head}}\n<body>\n  {{$main}}\n  nothing\n  {{/main}}\n</body>\n"
        let middle = "{{<layout}}\n{{$main}}\n  middle {{title}}\n  {{$inner}}in{{/inner}}\n{{/main}}\n{{/layout}}\n"
        let child = "{{<middle}}\n  {{$inner}}\n    child {{#items}}{{label}}{{/items}}\n  {{/inner}}\n  {{$head}}h{{/head}}\n{{/middle}}\n"
        let (fast, reference) = try both(["child": child, "middle": middle, "layout": layout])
        #expect(fast == reference)
        #expect(fast?.contains("child onetwo") == true)
    }

    @Test("templates using what the engine leaves to swift-mustache are refused")
    func refuses() {
        for text in ["{{=<% %>=}}", "{{lower(title)}}", "{{> *dynamic}}", "a\r\nb", "{{#a}}", "{{/a}}", "x {", "{{%CONTENT_TYPE: TEXT}}"] {
            #expect(ThemeTemplateParser.parse(text) == nil, "\(text)")
        }
        #expect(ThemeTemplateParser.parse("plain {{x}} é · text\n") != nil)
    }

    @Test("escaping matches swift-mustache's, combining characters included")
    func escaping() {
        for text in ["", "plain", "<a href=\"x\">&'</a>", "é<", "<\u{301}", "\u{600}<x", "😀&😀", "a&b<c>d\"e'f"] {
            var bytes: [UInt8] = Array("keep".utf8)
            HTMLEscaper.append(text, to: &bytes)
            let reference = try? MustacheTemplate(string: "keep{{x}}").render(["x": text])
            #expect(String(decoding: bytes, as: UTF8.self) == reference, "\(text)")
        }
    }
}
