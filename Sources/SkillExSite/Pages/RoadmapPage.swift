import Foundation
import SkillEx

/// The roadmap: `docs/roadmap.md` rendered, each item's state counted and shown, and a feedback link.
///
/// An item is a list line starting with `[done]`, `[in progress]` or `[planned]`.
struct RoadmapPage: Sendable, Encodable {
    struct Item: Sendable, Encodable { var state: String; var css: String; var text: String }
    struct Count: Sendable, Encodable { var state: String; var css: String; var count: Int }

    var frame: PageFrame
    var hasRoadmap: Bool
    var bodyHTML: String
    var toc: [TocItem]
    var counts: [Count]
    var items: [Item]
    var feedbackURL: String?

    static let states: [(marker: String, label: String, css: String)] = [
        ("[done]", "Done", "ok"), ("[in progress]", "In progress", "warn"), ("[planned]", "Planned", "none"),
    ]

    // MARK: - Pages

    static func pages(from context: SiteContext) -> [PlannedPage] {
        let input = context.input
        let key = context.key("roadmap.html", input.roadmap?.fileName ?? "-", input.roadmap?.title ?? "-",
                              input.roadmap?.body ?? "-", input.settings.feedbackURL ?? "-")
        return [.template("roadmap.html", key: key, theme: context.theme, "roadmap") { make(context) }]
    }

    static func make(_ context: SiteContext) -> RoadmapPage {
        let doc = context.input.roadmap
        var items: [Item] = []
        var lines: [String] = []
        for line in (doc?.body ?? "").split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            var replaced = String(line)
            if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") {
                let rest = trimmed.dropFirst(2)
                for state in states where rest.lowercased().hasPrefix(state.marker) {
                    let text = rest.dropFirst(state.marker.count).trimmingCharacters(in: .whitespaces)
                    items.append(Item(state: state.label, css: state.css, text: text))
                    let indent = line.prefix { $0 == " " }
                    replaced = "\(indent)- **\(state.label):** \(text)"
                }
            }
            lines.append(replaced)
        }
        let (html, toc) = SiteContext.markdown(lines.joined(separator: "\n"))
        let feedback = context.input.settings.feedbackURL.flatMap { url in
            url.hasPrefix("https://") || url.hasPrefix("http://") ? url : nil
        }
        return RoadmapPage(
            frame: PageFrame(context: context, title: doc?.title ?? "Roadmap", path: "roadmap.html", section: "roadmap"),
            hasRoadmap: doc != nil, bodyHTML: html, toc: toc,
            counts: states.map { state in
                Count(state: state.label, css: state.css, count: items.filter { $0.state == state.label }.count)
            }, items: items, feedbackURL: feedback)
    }
}
